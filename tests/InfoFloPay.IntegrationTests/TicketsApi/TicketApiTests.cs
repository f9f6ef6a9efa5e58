using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.TicketsApi;

[Collection(TicketApiCollectionDefinition.Name)]
public sealed class TicketApiTests(TicketApiFixture api)
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Create_answers_201_with_location_etag_and_the_ticket_that_get_returns()
    {
        var client = api.Client("customerA");
        client.DefaultRequestHeaders.Add("X-Client", "portal");

        using var created = await client.PostAsync(Url("/api/tickets"), TicketApiFixture.Json("""{"subject":"Payouts late","description":"Since Monday"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = ticket["id"]!.GetValue<string>();
        Assert.Matches("^IFP-[1-9][0-9]*$", id);
        Assert.Equal($"/api/tickets/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("new", ticket["status"]!.GetValue<string>());
        Assert.Equal("medium", ticket["priority"]!.GetValue<string>());
        Assert.Equal("portal", ticket["channel"]!.GetValue<string>());
        Assert.Equal("acme", ticket["customerId"]!.GetValue<string>());
        Assert.Equal("vip", ticket["sla"]!["tier"]!.GetValue<string>());
        Assert.NotNull(ticket["sla"]!["firstResponseDueAt"]);

        Assert.NotNull(created.Headers.ETag);

        // Routing's suggestion lands asynchronously and is a change like any other (it makes the create's ETag stale),
        // so the read is compared once the bus is idle: then the ETag a GET gives is the one the ticket keeps.
        await api.Host.MessagesSettledAsync();
        using var read = await api.Client("customerA").GetAsync(Url($"/api/tickets/{id}"));
        using var again = await api.Client("customerA").GetAsync(Url($"/api/tickets/{id}"));
        Assert.NotNull(read.Headers.ETag);
        Assert.Equal(read.Headers.ETag, again.Headers.ETag);
        Assert.Equal("Since Monday", (await read.Content.ReadFromJsonAsync<JsonObject>())!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idempotent_retry_returns_the_first_response_and_a_changed_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> PostAsync(string description)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/tickets")) { Content = TicketApiFixture.Json($$"""{"subject":"Refund","description":"{{description}}"}""") };
            request.Headers.Add("Idempotency-Key", key);
            return await api.Client("customerB").SendAsync(request);
        }

        using var first = await PostAsync("order 1");
        using var retry = await PostAsync("order 1");
        using var changed = await PostAsync("order 2");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        var list = await api.Client("customerB").GetFromJsonAsync<JsonObject>(Url("/api/tickets?top=100"));
        Assert.Single(list!["items"]!.AsArray(), t => t!["subject"]!.GetValue<string>() == "Refund");
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_an_oversized_body_is_413()
    {
        using var text = await api.Client("agent").PostAsync(Url("/api/tickets"), new StringContent("subject=hi"));
        using var huge = await api.Client("agent").PostAsync(Url("/api/tickets"), TicketApiFixture.Json($$"""{"subject":"Big","description":"{{new string('x', 70 * 1024)}}"}"""));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("""{"subject":"","description":"x"}""", "subject")]
    [InlineData("""{"subject":"ok","description":"x","priority":"critical"}""", "priority")]
    [InlineData("""{"subject":"ok","description":"x","requester":{"email":"not-an-email"}}""", "requester.email")]
    [InlineData("""{"subject":123}""", "subject")]
    [InlineData("""{"subject":"ok",""", "body")]
    public async Task Invalid_input_is_400_problem_naming_the_field(string body, string field)
    {
        using var response = await api.Client("agent").PostAsync(Url("/api/tickets"), TicketApiFixture.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_customer_setting_a_priority_is_403()
    {
        using var response = await api.Client("customerA").PostAsync(Url("/api/tickets"), TicketApiFixture.Json("""{"subject":"Now!","description":"x","priority":"urgent"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_a_current_one_succeeds_with_a_new_etag()
    {
        var id = await api.OpenTicketAsync();
        using var read = await api.Client("agent").GetAsync(Url($"/api/tickets/{id}"));
        var etag = read.Headers.ETag!.Tag;

        using var first = await ReplyAsync(id, etag);
        using var stale = await ReplyAsync(id, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    private async Task<HttpResponseMessage> ReplyAsync(string id, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"/api/tickets/{id}/replies")) { Content = TicketApiFixture.Json("""{"body":"Looking"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await api.Client("agent").SendAsync(request);
    }

    [Fact]
    public async Task The_lifecycle_through_http_triage_reply_pending_customer_reply_resolve_close()
    {
        var id = await api.OpenTicketAsync("Lifecycle");
        await api.TriageAsync(id, "urgent");
        async Task<JsonObject> PostAsync(string who, string path, string body)
        {
            using var response = await api.Client(who).PostAsync(Url($"/api/tickets/{id}/{path}"), TicketApiFixture.Json(body));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var replied = await PostAsync("agent", "replies", """{"body":"Fix deployed, can you check?"}""");
        await PostAsync("agent", "replies", """{"body":"deployed build 42","internal":true}""");
        await PostAsync("agent", "status", """{"status":"pending","note":"waiting on customer"}""");
        var reopened = await PostAsync("customerA", "replies", """{"body":"Still failing"}""");
        await PostAsync("agent", "status", """{"status":"resolved"}""");
        var closed = await PostAsync("customerA", "status", """{"status":"closed"}""");

        Assert.NotNull(replied["firstRespondedAt"]);
        Assert.Equal("open", reopened["status"]!.GetValue<string>());
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        var customerTimeline = await api.Client("customerA").GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}/events"));
        var staffTimeline = await api.Client("manager").GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}/events"));
        Assert.DoesNotContain(customerTimeline!["items"]!.AsArray(), e => e!["visibility"]!.GetValue<string>() == "internal");
        Assert.Contains(staffTimeline!["items"]!.AsArray(), e => e!["body"]?.GetValue<string>() == "deployed build 42");
        var recentlyClosed = await api.Client("customerA").GetFromJsonAsync<JsonObject>(Url($"/api/tickets?status=closed&closedSince={Uri.EscapeDataString(api.Host.Clock.GetUtcNow().AddMinutes(-1).ToString("O"))}"));
        Assert.Contains(recentlyClosed!["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Ticket_events_reach_the_notifications_so_the_customer_is_acknowledged_and_the_assignee_told()
    {
        var id = await api.OpenTicketAsync("Notify me");
        await api.TriageAsync(id);
        await api.Host.MessagesSettledAsync();

        var mail = api.Host.Outbox.Entries.Where(e => e.TicketId == id && e.Channel == "email").ToList();
        Assert.Contains(mail, e => e.To.Contains(TicketApiFixture.CustomerA) && e.Subject.Contains($"[{id}]", StringComparison.Ordinal));
        Assert.Contains(mail, e => e.To.Contains("ava.agent@infoflopay.example"));
    }

    [Fact]
    public async Task The_queue_lists_new_tickets_urgent_first_and_pages_with_continuation_tokens()
    {
        for (var n = 0; n < 3; n++)
        {
            await api.OpenTicketAsync($"Queue {n}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await api.Client("agent").GetFromJsonAsync<JsonObject>(Url("/api/queue?top=2" + (token is null ? string.Empty : "&continuationToken=" + token)));
            var items = page!["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            seen.AddRange(items.Select(t => t!["priority"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        var ranks = seen.Select(p => Array.IndexOf(["urgent", "high", "medium", "low"], p)).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.True(seen.Count >= 3);
    }
}
