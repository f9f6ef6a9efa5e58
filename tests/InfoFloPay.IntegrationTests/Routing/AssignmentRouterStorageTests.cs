using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;

namespace InfoFloPay.IntegrationTests.Routing;

/// <summary>The router on Azurite, several app instances at once, messages delivered more than once.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AssignmentRouterStorageTests(AzuriteFixture azurite) : IDisposable
{
    private const string Ava = "ava@infoflopay.example";
    private const string Ben = "ben@infoflopay.example";
    private const string Cleo = "cleo@infoflopay.example";
    private static readonly (string, string)[] Team = [("Ava Agent", Ava), ("Ben Agent", Ben), ("Cleo Agent", Cleo)];

    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task Twenty_new_tickets_routed_at_once_by_four_instances_spread_evenly_and_the_counts_stay_exact()
    {
        var routers = Enumerable.Range(0, 4).Select(_ => _desk.Router(_desk.Agents(Team), RoutingMode.Auto)).ToList();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => _desk.OpenOutageAsync("medium", $"Outage {n}")));

        await Task.WhenAll(tickets.Select((ticket, n) => routers[n % 4].HandleAsync(Created(ticket.Id), default)));

        var owners = await Task.WhenAll(tickets.Select(ticket => _desk.GetAsync(ticket.Id)));
        var counts = owners.GroupBy(ticket => ticket.Assignee!).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal([Ava, Ben, Cleo], counts.Keys.Order());
        Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(", ", counts));
        var board = await _desk.Agents(Team).BoardAsync(default);
        Assert.Equal(counts, board.Agents.ToDictionary(view => view.Agent.Email, view => view.OpenTickets));
        foreach (var ticket in owners)
        {
            Assert.Equal(TicketStatus.Open, ticket.Status);
            Assert.Single(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.Routed);
        }
    }

    [Fact]
    public async Task A_message_delivered_again_and_at_the_same_time_routes_once()
    {
        var router = _desk.Router(_desk.Agents(Team), RoutingMode.Suggest);
        var ticket = await _desk.OpenOutageAsync("low");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _desk.Router(_desk.Agents(Team), RoutingMode.Suggest).HandleAsync(Created(ticket.Id), default)));
        await router.HandleAsync(Created(ticket.Id), default);

        var routed = await _desk.GetAsync(ticket.Id);
        Assert.Equal(TicketStatus.New, routed.Status);
        Assert.Null(routed.Assignee);
        Assert.Contains(routed.SuggestedAssignee, new[] { Ava, Ben, Cleo });
        var events = await _desk.EventsAsync(ticket.Id);
        var note = Assert.Single(events, e => e.Kind == TicketEventKind.Routed);
        Assert.Equal($"Suggested {routed.SuggestedAssignee}: fewest open tickets (0), tie broken in turn (longest since their last ticket).", note.Note);
        Assert.DoesNotContain(events, e => e.Kind is TicketEventKind.Triaged or TicketEventKind.Assigned);
    }

    [Fact]
    public async Task A_ticket_a_person_triaged_before_routing_ran_is_left_as_they_left_it()
    {
        var ticket = await _desk.OpenOutageAsync("medium");
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("low", Cleo), TicketDesk.Agent, null, default);
        var before = await _desk.EventsAsync(ticket.Id);

        await _desk.Router(_desk.Agents(Team), RoutingMode.Auto).HandleAsync(Created(ticket.Id), default);

        var after = await _desk.GetAsync(ticket.Id);
        Assert.Equal((Cleo, TicketPriority.Low), (after.Assignee, after.Priority));
        Assert.Equal(before.Count, (await _desk.EventsAsync(ticket.Id)).Count);
    }

    [Fact]
    public async Task With_everyone_away_a_non_urgent_ticket_waits_for_a_person_and_the_timeline_says_so_once()
    {
        var agents = _desk.Agents(Team);
        foreach (var (_, email) in Team)
        {
            await agents.SetAvailabilityAsync(email, new AvailabilityRequest("away"), TicketDesk.Manager, default);
        }

        var ticket = await _desk.OpenOutageAsync("high");
        var urgent = await _desk.OpenOutageAsync("urgent");
        var router = _desk.Router(agents, RoutingMode.Suggest);
        await router.HandleAsync(Created(ticket.Id), default);
        await router.HandleAsync(Created(ticket.Id), default);
        await router.HandleAsync(Created(urgent.Id), default);

        Assert.Null((await _desk.GetAsync(ticket.Id)).SuggestedAssignee);
        var note = Assert.Single(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.Routed);
        Assert.Equal("Nobody is available to route this ticket to; it waits in the triage queue for a person.", note.Note);
        Assert.NotNull((await _desk.GetAsync(urgent.Id)).SuggestedAssignee);
    }

    [Fact]
    public async Task An_agent_going_away_has_their_open_tickets_routed_again_once_however_often_the_news_arrives()
    {
        var agents = _desk.Agents(Team);
        await agents.BoardAsync(default);
        var held = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => _desk.OpenOutageAsync("medium", $"Held {n}")));
        foreach (var ticket in held)
        {
            await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("medium", Ava), TicketDesk.Agent, null, default);
        }

        var resolved = held[5];
        await _desk.Service.ChangeStatusAsync(resolved.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default);

        await agents.SetAvailabilityAsync(Ava, new AvailabilityRequest("away"), TicketDesk.Agent with { Email = Ava }, default);
        var away = Assert.Single(Sent(HelpdeskEventTypes.AgentAway));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _desk.Router(_desk.Agents(Team), RoutingMode.Auto).HandleAsync(away, default)));
        await _desk.Router(agents, RoutingMode.Auto).HandleAsync(away, default);

        var board = await agents.BoardAsync(default);
        Assert.Equal((AgentAvailability.Away, 0), (board.Find(Ava)!.Availability, board.Find(Ava)!.OpenTickets));
        Assert.Equal([2, 3], new[] { board.Find(Ben)!.OpenTickets, board.Find(Cleo)!.OpenTickets }.Order());
        foreach (var ticket in held[..5])
        {
            var now = await _desk.GetAsync(ticket.Id);
            Assert.Contains(now.Assignee, new[] { Ben, Cleo });
            var note = Assert.Single(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.Routed);
            Assert.StartsWith($"Assigned to {now.Assignee}: {Ava} is away; ", note.Note, StringComparison.Ordinal);
        }

        Assert.Equal(Ava, (await _desk.GetAsync(resolved.Id)).Assignee);
    }

    private HelpdeskEvent Created(string ticketId) => Sent(HelpdeskEventTypes.TicketCreated).Single(e => e.TicketId == ticketId);

    private IEnumerable<HelpdeskEvent> Sent(string type) =>
        _desk.Bus.Sent
            .Select(sent => sent.Message.Body.ToObjectFromJson<HelpdeskEvent>(HelpdeskJson.Options)!)
            .Where(e => e.Type == type);

    public void Dispose() => _desk.Dispose();
}
