using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Flows;
using InfoFloPay.IntegrationTests.Infrastructure;
using static InfoFloPay.IntegrationTests.Routing.RoutingHost;

namespace InfoFloPay.IntegrationTests.Routing;

/// <summary><c>/api/agents</c> over HTTP on the local host: who may do what, validation, ETags, and what routing makes of it.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AgentsApiTests(AzuriteFixture azurite)
{
    private const string Erin = "erin@routing.example";

    [Fact]
    public async Task A_manager_adds_an_agent_for_an_account_and_the_accounts_next_ticket_is_routed_to_them()
    {
        await using var host = await StartAsync(azurite, "suggest");
        var desk = await Desk.OpenAsync(host);

        using var added = await PutAsync(host.Manager(), Erin, $$"""{"name":"Erin Agent","skills":["Billing"],"accounts":["{{desk.AccountId}}"]}""");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"/api/agents/{Uri.EscapeDataString(Erin)}", added.Headers.Location?.OriginalString);
        var body = (await added.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(
            $$"""{"email":"{{Erin}}","name":"Erin Agent","availability":"available","skills":["billing"],"accounts":["{{desk.AccountId}}"],"openTickets":0}""",
            body.ToJsonString());

        var id = await desk.OpenTicketAsync();
        var ticket = await desk.GetTicketAsync(id);
        Assert.Equal(Erin, ticket["suggestedAssignee"]!.GetValue<string>());
        var routed = Assert.Single(await Desk.EventsAsync(id, host.Agent()), e => e["kind"]!.GetValue<string>() == "routed");
        Assert.Equal($"Suggested {Erin}: named for account {desk.AccountId}.", routed["note"]!.GetValue<string>());

        var team = await host.Agent().GetFromJsonAsync<JsonArray>(Desk.Relative("/api/agents"));
        Assert.Equal([Ava, Ben, Cleo, Dan, Erin], team!.Select(agent => agent!["email"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_put_honours_if_match_and_refuses_bad_input_naming_every_field_and_storing_nothing()
    {
        await using var host = await StartAsync(azurite, "suggest");
        using var first = await PutAsync(host.Manager(), Erin, """{"name":"Erin","skills":[],"accounts":[]}""");
        var etag = first.Headers.ETag!.ToString();

        using var changed = await PutAsync(host.Manager(), Erin, """{"name":"Erin Agent","skills":["api"],"accounts":[]}""", etag);
        using var stale = await PutAsync(host.Manager(), Erin, """{"name":"Erin Again","skills":[],"accounts":[]}""", etag);
        using var invalid = await PutAsync(host.Manager(), Erin, """{"name":" ","skills":["api"],"accounts":["no-such-account"]}""");
        using var byAgent = await PutAsync(host.Agent(Ben), Erin, """{"name":"Erin","skills":[],"accounts":[]}""");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["name"], errors.Select(pair => pair.Key));
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        using var unknownAccount = await PutAsync(host.Manager(), Erin, """{"name":"Erin","skills":[],"accounts":["no-such-account"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownAccount.StatusCode);
        Assert.Contains("no-such-account", (await unknownAccount.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["accounts[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var erin = (await host.Agent().GetFromJsonAsync<JsonArray>(Desk.Relative("/api/agents")))!.Single(agent => agent!["email"]!.GetValue<string>() == Erin)!;
        Assert.Equal(("Erin Agent", "api"), (erin["name"]!.GetValue<string>(), erin["skills"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_agent_sets_their_own_availability_a_manager_sets_anyones_and_nobody_else_may()
    {
        await using var host = await StartAsync(azurite, "suggest");

        using var own = await AvailabilityAsync(host.Agent(Ben), Ben, "away");
        using var others = await AvailabilityAsync(host.Agent(Ben), Cleo, "away");
        using var manager = await AvailabilityAsync(host.Manager(), Cleo, "away");
        using var customer = await AvailabilityAsync(host.As("carol@customer.example"), Ben, "available");
        using var unknown = await AvailabilityAsync(host.Manager(), "nobody@routing.example", "away");
        using var invalid = await AvailabilityAsync(host.Agent(Ben), Ben, "on-holiday");
        using var listByCustomer = await host.As("carol@customer.example").GetAsync(Desk.Relative("/api/agents"));

        Assert.Equal((HttpStatusCode.OK, "away"), (own.StatusCode, (await own.Content.ReadFromJsonAsync<JsonObject>())!["availability"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal(HttpStatusCode.OK, manager.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("availability"));
        Assert.Equal(HttpStatusCode.Forbidden, listByCustomer.StatusCode);
        var team = (await host.Agent().GetFromJsonAsync<JsonArray>(Desk.Relative("/api/agents")))!
            .ToDictionary(agent => agent!["email"]!.GetValue<string>(), agent => agent!["availability"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { [Ava] = "available", [Ben] = "away", [Cleo] = "away", [Dan] = "available" }, team);
    }

    [Fact]
    public async Task An_urgent_ticket_mobilizes_the_stored_team_away_or_not_including_an_agent_added_through_the_api()
    {
        await using var host = await StartAsync(azurite, "suggest");
        var desk = await Desk.OpenAsync(host);
        using var added = await PutAsync(host.Manager(), Erin, """{"name":"Erin Agent","skills":[],"accounts":[]}""");
        using var away = await AvailabilityAsync(host.Manager(), Ben, "away");

        var id = await desk.OpenTicketAsync(host.Agent(), subject: "Payouts down", priority: "urgent");

        var mobilized = desk.Sent(id).Where(entry => entry.Channel == "email" && entry.Subject.Contains("URGENT", StringComparison.OrdinalIgnoreCase)).SelectMany(entry => entry.To);
        Assert.Equal([Ava, Ben, Cleo, Dan, Erin], mobilized.Order());
        Assert.Single(desk.Sent(id), entry => entry.Channel == "pager");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_agents_routes()
    {
        await using var host = await StartAsync(azurite, "suggest");

        var paths = (await host.Anonymous().GetFromJsonAsync<JsonObject>(Desk.Relative("/api/openapi.json")))!["paths"]!.AsObject();

        Assert.Equal("Agents", paths["/api/agents"]!["get"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("array", paths["/api/agents"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["type"]!.GetValue<string>());
        var put = paths["/api/agents/{email}"]!["put"]!;
        Assert.NotNull(put["requestBody"]);
        Assert.Equal(["200", "201", "400", "401", "403", "412", "413", "415", "429", "503"], put["responses"]!.AsObject().Select(pair => pair.Key).Order());
        Assert.NotNull(paths["/api/agents/{email}/availability"]!["post"]!["requestBody"]);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string email, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Desk.Relative($"/api/agents/{email}")) { Content = Desk.Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> AvailabilityAsync(HttpClient client, string email, string availability) =>
        client.PostAsync(Desk.Relative($"/api/agents/{email}/availability"), Desk.Json($$"""{"availability":"{{availability}}"}"""));
}
