using System.Net;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.TicketsApi;

namespace InfoFloPay.IntegrationTests.TrustBoundary;

/// <summary>A malformed If-Match on any conditional route: a 4xx problem and no change, never storage's 400 as a 500.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class MalformedIfMatchTests(TicketApiFixture api)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[]
                 {
                     "PUT /api/articles/if-match", "PUT /api/customers/acme", "PUT /api/agents/ava.agent@infoflopay.example",
                     "POST /api/tickets/{id}/triage", "POST /api/tickets/{id}/replies", "POST /api/tickets/{id}/status",
                 })
        {
            foreach (var value in new[] { "garbage", "abc123", "W/junk", "W/\"", "\"a\", \"b\"", "\"un\"quoted\"", "W/\"garbage\"" })
            {
                data.Add(route, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_or_unknown_if_match_is_a_4xx_problem_and_changes_nothing(string route, string ifMatch)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        var (who, body) = path switch
        {
            "/api/articles/if-match" => ("agent", """{"title":"Changed","body":"changed","tags":[]}"""),
            "/api/customers/acme" => ("manager", """{"name":"Changed","tier":"vip","emailDomains":["acme.test"],"members":[]}"""),
            var p when p.StartsWith("/api/agents/", StringComparison.Ordinal) => ("manager", """{"name":"Changed","skills":[],"accounts":[]}"""),
            var p when p.EndsWith("/triage", StringComparison.Ordinal) => ("agent", """{"priority":"low","assignee":null}"""),
            var p when p.EndsWith("/replies", StringComparison.Ordinal) => ("agent", """{"body":"Changed"}"""),
            _ => ("agent", """{"status":"pending"}"""),
        };
        if (path == "/api/articles/if-match")
        {
            using var put = await api.Client("agent").PutAsync(new Uri(path, UriKind.Relative), TicketApiFixture.Json("""{"title":"Original","body":"original","tags":[]}"""));
            Assert.True(put.IsSuccessStatusCode);
        }

        string? ticket = null;
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            ticket = await api.OpenTicketAsync("If-Match");
            await api.TriageAsync(ticket);
            path = path.Replace("{id}", ticket, StringComparison.Ordinal);
        }

        var before = await ReadAsync(path, ticket);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = TicketApiFixture.Json(body) };
        Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));

        using var response = await api.Client(who).SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.PreconditionFailed,
            $"{route} If-Match: {ifMatch} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ReadAsync(path, ticket));
    }

    [Fact]
    public async Task A_malformed_if_match_is_400_naming_the_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/articles/if-match-named", UriKind.Relative))
        {
            Content = TicketApiFixture.Json("""{"title":"T","body":"b","tags":[]}"""),
        };
        Assert.True(request.Headers.TryAddWithoutValidation("If-Match", "garbage"));

        using var response = await api.Client("agent").SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key));
    }

    private async Task<string> ReadAsync(string path, string? ticket)
    {
        // Notifications of the triage append to the timeline a moment later; compare settled timelines.
        await api.Host.MessagesSettledAsync();
        var read = ticket is not null ? $"/api/tickets/{ticket}/events"
            : path.StartsWith("/api/agents/", StringComparison.Ordinal) ? "/api/agents"
            : path;
        using var response = await api.Client("manager").GetAsync(new Uri(read, UriKind.Relative));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
