using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Flows;
using InfoFloPay.IntegrationTests.Infrastructure;
using static InfoFloPay.IntegrationTests.Routing.RoutingHost;

namespace InfoFloPay.IntegrationTests.Routing;

/// <summary>Routing end to end on the local host: tickets opened over HTTP, ticket.created and agent.away through the
/// in-process bus to RouteAssignment, mail in the outbox.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RoutingOnLocalHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task In_auto_mode_thirty_new_tickets_go_ten_each_to_the_three_available_agents_and_none_to_the_away_one()
    {
        await using var host = await StartAsync(azurite, "auto");
        var desk = await Desk.OpenAsync(host);
        await SetAvailabilityAsync(host.As(Dan, "Support.Agent"), Dan, "away");

        // All at once: concurrent routings must not decide on the same loads.
        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(n => desk.OpenTicketAsync(subject: $"Payouts failing {n}")));
        await host.MessagesSettledAsync();

        var tickets = await Task.WhenAll(ids.Select(id => desk.GetTicketAsync(id)));
        var owners = tickets.GroupBy(ticket => ticket["assignee"]!.GetValue<string>()).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<string, int> { [Ava] = 10, [Ben] = 10, [Cleo] = 10 }, owners);
        Assert.All(tickets, ticket => Assert.Equal("open", ticket["status"]!.GetValue<string>()));
        var team = await AgentsAsync(host);
        Assert.Equal([(Ava, 10), (Ben, 10), (Cleo, 10), (Dan, 0)], team.Select(agent => (agent["email"]!.GetValue<string>(), agent["openTickets"]!.GetValue<int>())));

        foreach (var ticket in tickets)
        {
            var id = ticket["id"]!.GetValue<string>();
            var owner = ticket["assignee"]!.GetValue<string>();
            // The requester's acknowledgement and the owner's "assigned to you", once each: a manual triage's mail.
            Assert.Equal(new[] { desk.Carol, owner }.Order(), desk.EmailedTo(id).Order());
            var routed = Assert.Single(await Desk.EventsAsync(id, host.Agent()), e => e["kind"]!.GetValue<string>() == "routed");
            Assert.Equal("auto", routed["channel"]!.GetValue<string>());
            Assert.StartsWith($"Assigned to {owner}: fewest open tickets (", routed["note"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(await QueueIdsAsync(host, ids));
    }

    [Fact]
    public async Task In_suggest_mode_every_new_ticket_has_a_suggestion_and_stays_in_the_triage_queue_for_a_person()
    {
        await using var host = await StartAsync(azurite, "suggest");
        var desk = await Desk.OpenAsync(host);
        await SetAvailabilityAsync(host.Manager(), Dan, "away");

        var ids = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            ids.Add(await desk.OpenTicketAsync(subject: $"Refund stuck {n}"));
        }

        var queued = await QueueIdsAsync(host, ids);
        Assert.Equal(ids.Order(), queued.Keys.Order());
        Assert.All(queued.Values, ticket => Assert.Equal(("new", null), (ticket["status"]!.GetValue<string>(), ticket["assignee"]?.GetValue<string>())));
        // Suggestions are not assignments: nobody's count moves, so equal loads take turns.
        Assert.Equal([Ava, Ava, Ben, Ben, Cleo, Cleo], queued.Values.Select(ticket => ticket["suggestedAssignee"]!.GetValue<string>()).Order());
        foreach (var id in ids)
        {
            Assert.Equal([desk.Carol], desk.EmailedTo(id));
            var routed = Assert.Single(await Desk.EventsAsync(id, host.Agent()), e => e["kind"]!.GetValue<string>() == "routed");
            Assert.Equal("suggest", routed["channel"]!.GetValue<string>());
            Assert.DoesNotContain(await Desk.EventsAsync(id, desk.Customer()), e => e["kind"]!.GetValue<string>() == "routed");
        }

        // A person triages to the suggestion as to anyone.
        var first = ids[0];
        var suggestion = queued[first]["suggestedAssignee"]!.GetValue<string>();
        await desk.TriageAsync(first, "high", suggestion);
        Assert.Equal(suggestion, (await desk.GetTicketAsync(first))["assignee"]!.GetValue<string>());
        Assert.Equal(new[] { desk.Carol, suggestion }.Order(), desk.EmailedTo(first).Order());
    }

    [Fact]
    public async Task An_agent_going_away_in_auto_mode_has_their_open_tickets_assigned_again_and_the_new_owners_are_told()
    {
        await using var host = await StartAsync(azurite, "auto");
        var desk = await Desk.OpenAsync(host);
        await SetAvailabilityAsync(host.Manager(), Dan, "away");
        var ids = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            ids.Add(await desk.OpenTicketAsync(subject: $"Login broken {n}"));
        }

        var avas = (await Task.WhenAll(ids.Select(id => desk.GetTicketAsync(id)))).Where(t => t["assignee"]!.GetValue<string>() == Ava).Select(t => t["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, avas.Count);

        var ava = await SetAvailabilityAsync(host.As(Ava, "Support.Agent"), Ava, "away");
        await host.MessagesSettledAsync();

        Assert.Equal("away", ava["availability"]!.GetValue<string>());
        foreach (var id in avas)
        {
            var owner = (await desk.GetTicketAsync(id))["assignee"]!.GetValue<string>();
            Assert.Contains(owner, new[] { Ben, Cleo });
            Assert.Equal(new[] { desk.Carol, Ava, owner }.Order(), desk.EmailedTo(id).Order());
            Assert.Contains(await Desk.EventsAsync(id, host.Agent()), e => e["kind"]!.GetValue<string>() == "routed"
                && e["note"]!.GetValue<string>().StartsWith($"Assigned to {owner}: {Ava} is away; ", StringComparison.Ordinal));
        }

        var team = (await AgentsAsync(host)).ToDictionary(agent => agent["email"]!.GetValue<string>(), agent => agent["openTickets"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { [Ava] = 0, [Ben] = 3, [Cleo] = 3, [Dan] = 0 }, team);
        Assert.Empty(host.Bus.DeadLetters);
    }

    [Fact]
    public async Task An_agent_going_away_in_suggest_mode_gets_their_tickets_suggested_to_someone_else()
    {
        await using var host = await StartAsync(azurite, "suggest");
        var desk = await Desk.OpenAsync(host);
        var suggested = await desk.OpenTicketAsync(subject: "Suggested to Ava");
        Assert.Equal(Ava, (await desk.GetTicketAsync(suggested))["suggestedAssignee"]!.GetValue<string>());
        var held = await desk.OpenTicketAsync(subject: "Taken by Ava");
        await desk.TriageAsync(held, "medium", Ava);

        await SetAvailabilityAsync(host.As(Ava, "Support.Agent"), Ava, "away");
        await host.MessagesSettledAsync();

        var first = await desk.GetTicketAsync(suggested);
        Assert.Equal("new", first["status"]!.GetValue<string>());
        Assert.NotEqual(Ava, first["suggestedAssignee"]!.GetValue<string>());
        var second = await desk.GetTicketAsync(held);
        Assert.Equal(Ava, second["assignee"]!.GetValue<string>());
        Assert.NotEqual(Ava, second["suggestedAssignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_ticket_created_message_changes_nothing_and_mails_nobody_again()
    {
        await using var host = await StartAsync(azurite, "auto");
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        var before = await desk.GetTicketAsync(id);
        var events = (await Desk.EventsAsync(id, host.Agent())).Count;
        var mails = desk.Sent(id).Count;

        var created = TicketOutbox.ToMessage(new HelpdeskEvent(HelpdeskEventTypes.TicketCreated, 1, id, "000001", host.Clock.GetUtcNow(),
            JsonSerializer.SerializeToElement(new TicketCreatedData("Payouts failing", new PersonRef(desk.Carol), "medium", "api"), HelpdeskJson.Options)));
        host.Bus.Redeliver(AssignmentsSubscription, created, deliveryCount: 2);
        host.Bus.Redeliver(AssignmentsSubscription, created, deliveryCount: 3);
        await host.MessagesSettledAsync();

        Assert.Equal(before.ToJsonString(), (await desk.GetTicketAsync(id)).ToJsonString());
        Assert.Equal(events, (await Desk.EventsAsync(id, host.Agent())).Count);
        Assert.Equal(mails, desk.Sent(id).Count);
        Assert.Empty(host.Bus.DeadLetters);
    }

    private static async Task<JsonObject> SetAvailabilityAsync(HttpClient client, string email, string availability)
    {
        using var response = await client.PostAsync(Desk.Relative($"/api/agents/{email}/availability"), Desk.Json($$"""{"availability":"{{availability}}"}"""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<IReadOnlyList<JsonObject>> AgentsAsync(Infrastructure.LocalHost host) =>
        [.. (await host.Agent().GetFromJsonAsync<JsonArray>(Desk.Relative("/api/agents")))!.Select(agent => agent!.AsObject())];

    /// <summary>The tickets among <paramref name="ids"/> that the triage queue lists.</summary>
    private static async Task<Dictionary<string, JsonObject>> QueueIdsAsync(Infrastructure.LocalHost host, IReadOnlyList<string> ids)
    {
        var queue = await host.Agent().GetFromJsonAsync<JsonObject>(Desk.Relative("/api/queue?top=100"));
        return queue!["items"]!.AsArray().Select(item => item!.AsObject())
            .Where(item => ids.Contains(item["id"]!.GetValue<string>()))
            .ToDictionary(item => item["id"]!.GetValue<string>());
    }
}
