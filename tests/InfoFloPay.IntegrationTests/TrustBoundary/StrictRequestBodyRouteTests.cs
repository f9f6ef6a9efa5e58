using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.IntegrationTests.TicketsApi;

namespace InfoFloPay.IntegrationTests.TrustBoundary;

/// <summary>Every route that takes a body refuses a property it does not have: 400 problem naming it, nothing stored.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class StrictRequestBodyRouteTests(TicketApiFixture api)
{
    /// <summary>Each body route with a body that would succeed but for one property the route does not have.</summary>
    public static TheoryData<string, string, string, string> Routes() => new()
    {
        { "POST /api/tickets", "customerA", """{"subject":"Strict","description":"x","severity":"high"}""", "severity" },
        { "POST /api/tickets/{id}/triage", "agent", """{"priority":"low","assignee":null,"notify":false}""", "notify" },
        { "POST /api/tickets/{id}/replies", "agent", """{"body":"Strict reply","visibility":"internal"}""", "visibility" },
        { "POST /api/tickets/{id}/acknowledge", "agent", """{"via":"console"}""", "via" },
        { "POST /api/monitoring/targets/strict-target/heartbeat-url", "manager", """{"revokeOld":true}""", "revokeOld" },
        { "POST /api/tickets/{id}/status", "agent", """{"status":"pending","reason":"x"}""", "reason" },
        { "PUT /api/customers/strict-customer", "manager", """{"name":"S","tier":"reserve","emailDomains":[],"members":[],"owner":"x"}""", "owner" },
        { "PUT /api/articles/strict-article", "agent", """{"title":"Strict","body":"# Hi","tags":[],"published":true}""", "published" },
        { "PUT /api/agents/strict.agent@infoflopay.example", "manager", """{"name":"Strict","skills":[],"accounts":[],"role":"manager"}""", "role" },
        { "POST /api/agents/ava.agent@infoflopay.example/availability", "agent", """{"availability":"away","until":"tomorrow"}""", "until" },
        { "PUT /api/monitoring/targets/strict-target", "manager", """{"kind":"http","url":"https://pay.example/health","timeout":3}""", "timeout" },
        { "PUT /api/webhooks/strict-webhook", "manager", """{"url":"https://hooks.example/in","events":["ticket.created"],"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","enabled":true}""", "enabled" },
        { "PUT /api/monitoring/maintenance/strict-window", "manager", """{"targets":["*"],"startsAt":"2026-12-06T07:00:00Z","endsAt":"2026-12-06T09:00:00Z","until":"later"}""", "until" },
        { "POST /api/inbound/email", "anonymous", """{"messageId":"<strict@mail.example>","from":{"email":"carol@acme.test","name":"Carol"},"to":["support@infoflopay.example"],"subject":"Strict","text":"x","priority":"urgent"}""", "priority" },
    };

    [Fact]
    public void The_list_covers_every_route_that_declares_a_request_body()
    {
        var listed = Routes().Select(row => (string)row[0]).ToList();
        var declared = FunctionCatalog.ForHelpdesk().Functions
            .Where(f => f.Kind == TriggerKind.Http && f.Method.GetCustomAttributes(false).Any(a => a.GetType().Name.Contains("RequestBody", StringComparison.Ordinal)))
            .SelectMany(f => f.HttpMethods.Select(method => $"{method} /api/{f.Route}"))
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, template =>
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\{[^}]+}", "[^/]+") + "$";
            Assert.True(listed.Any(route => Regex.IsMatch(route, pattern)), $"{template} takes a body but is not in the list");
        });
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_unknown_property_is_400_problem_naming_it_and_nothing_is_stored(string route, string who, string body, string field)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            var id = await api.OpenTicketAsync("Strict body");
            await api.TriageAsync(id);
            path = path.Replace("{id}", id, StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = TicketApiFixture.Json(body) };
        using var response = await api.Client(who).SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains($"'{field}'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        if (path.StartsWith("/api/agents/strict", StringComparison.Ordinal))
        {
            // Agents have no single-agent GET: the roster must not list the refused one.
            var roster = await api.Client("manager").GetStringAsync(new Uri("/api/agents", UriKind.Relative));
            Assert.DoesNotContain("strict.agent@", roster, StringComparison.Ordinal);
        }
        else if (method == "PUT")
        {
            using var read = await api.Client("manager").GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
    }

    [Fact]
    public async Task A_reply_with_an_unknown_visibility_is_neither_published_nor_emailed()
    {
        var id = await api.OpenTicketAsync("Strict reply");
        await api.TriageAsync(id);
        await api.Host.MessagesSettledAsync();
        var mailBefore = api.Host.Outbox.Entries.Count(e => e.TicketId == id);

        using var response = await api.Client("agent").PostAsync(
            new Uri($"/api/tickets/{id}/replies", UriKind.Relative), TicketApiFixture.Json("""{"body":"Our internal workaround","visibility":"internal"}"""));
        await api.Host.MessagesSettledAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var events = await api.Client("agent").GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/events", UriKind.Relative));
        Assert.DoesNotContain(events!["items"]!.AsArray(), e => e!["body"]?.GetValue<string>() == "Our internal workaround");
        Assert.Equal(mailBefore, api.Host.Outbox.Entries.Count(e => e.TicketId == id));
    }
}
