using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;

namespace InfoFloPay.IntegrationTests.Agents;

/// <summary>The stored team on Azurite: seeding from settings across instances, and open-ticket counts kept in the
/// tickets' own batches under concurrent writers.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AgentRosterStorageTests(AzuriteFixture azurite) : IDisposable
{
    private const string Ava = "ava@infoflopay.example";
    private const string Ben = "ben@infoflopay.example";
    private const string Cleo = "cleo@infoflopay.example";
    private static readonly (string, string)[] Roster = [("Ava Agent", Ava), ("Ben Agent", Ben)];

    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task Instances_starting_together_seed_each_agent_once_and_later_edits_through_the_api_win_over_settings()
    {
        var seeded = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _desk.Agents(Roster).ListAsync(TicketDesk.Agent, default)));

        Assert.All(seeded, team => Assert.Equal([Ava, Ben], team.Select(view => view.Agent.Email)));
        Assert.Equal(2, (await ProfileRowsAsync()).Count);

        var edit = await _desk.Agents(Roster).PutAsync(Ava, new AgentRequest("Ava Lead", ["billing"], []), TicketDesk.Manager, null, default);
        Assert.False(edit.Created);

        // A later start whose settings still say "Ava Agent", and now list Cleo too.
        var team = await _desk.Agents([("Ava Agent", Ava), ("Ben Agent", Ben), ("Cleo Agent", Cleo)]).ListAsync(TicketDesk.Agent, default);
        Assert.Equal([("Ava Lead", Ava), ("Ben Agent", Ben), ("Cleo Agent", Cleo)], team.Select(view => (view.Agent.Name, view.Agent.Email)));
        Assert.Equal(["billing"], team[0].Agent.Skills);
    }

    [Fact]
    public async Task A_put_adds_an_agent_once_keeps_their_availability_and_refuses_a_stale_if_match()
    {
        var agents = _desk.Agents(Roster);
        var added = await agents.PutAsync(Cleo, new AgentRequest("Cleo", ["payouts"], []), TicketDesk.Manager, null, default);
        await agents.SetAvailabilityAsync(Cleo, new AvailabilityRequest("away"), TicketDesk.Manager, default);

        var changed = await agents.PutAsync(Cleo, new AgentRequest("Cleo Agent", ["payouts", "api"], []), TicketDesk.Manager, added.ETag, default);
        var stale = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            agents.PutAsync(Cleo, new AgentRequest("Cleo Again", [], []), TicketDesk.Manager, added.ETag, default));

        Assert.True(added.Created);
        Assert.False(changed.Created);
        Assert.Equal(AgentAvailability.Away, changed.View.Availability);
        Assert.Equal(Rejection.Stale, stale.Kind);
        Assert.Equal("Cleo Agent", (await agents.BoardAsync(default)).Find(Cleo)!.Agent.Name);
    }

    [Fact]
    public async Task Twenty_concurrent_assignments_from_four_instances_count_exactly_and_so_do_the_moves_that_follow()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => _desk.OtherInstance()).ToList();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => _desk.OpenOutageAsync("medium", $"Outage {n}")));

        await Task.WhenAll(tickets.Select((ticket, n) => instances[n % 4].TriageAsync(ticket.Id, new TriageRequest("high", Ava), TicketDesk.Agent, null, default)));
        Assert.Equal(20, await OpenTicketsOfAsync(Ava));

        // Half handed to Ben, a quarter resolved, the rest stay; then two of the resolved ones reopen — all at once.
        await Task.WhenAll(tickets.Select((ticket, n) => n switch
        {
            < 10 => instances[n % 4].TriageAsync(ticket.Id, new TriageRequest("high", Ben), TicketDesk.Agent, null, default),
            < 15 => instances[n % 4].ChangeStatusAsync(ticket.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default),
            _ => Task.FromResult<StoredTicket>(null!),
        }));
        await Task.WhenAll(tickets.Skip(10).Take(2).Select((ticket, n) =>
            instances[n].ChangeStatusAsync(ticket.Id, new StatusChangeRequest("open", null), TicketDesk.Agent, null, default)));

        Assert.Equal(7, await OpenTicketsOfAsync(Ava));
        Assert.Equal(10, await OpenTicketsOfAsync(Ben));
        Assert.Equal(await RecountAsync(), await CountersAsync());
    }

    [Fact]
    public async Task Twelve_concurrent_triages_of_one_ticket_leave_it_counted_once_for_whoever_holds_it_last()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        string?[] owners = [Ava, Ben, Cleo, null];

        await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            _desk.OtherInstance().TriageAsync(ticket.Id, new TriageRequest("high", owners[n % 4]), TicketDesk.Agent, null, default)));

        var holder = (await _desk.GetAsync(ticket.Id)).Assignee;
        var counters = await CountersAsync();
        Assert.Equal(holder is null ? 0 : 1, counters.Values.Sum());
        Assert.Equal(await RecountAsync(), counters);
    }

    [Fact]
    public async Task An_assignment_costs_one_storage_round_trip_more_than_a_triage_that_keeps_the_owner()
    {
        var counter = new StorageRoundTripCounter();
        using var desk = new TicketDesk(azurite, counter);
        var first = await desk.OpenOutageAsync("medium");
        var second = await desk.OpenOutageAsync("medium");
        await desk.Service.TriageAsync(second.Id, new TriageRequest("medium", Ava), TicketDesk.Agent, null, default);
        await desk.Cleanup.WhenIdleAsync();

        async Task<long> CostOf(string id, string assignee)
        {
            counter.Reset();
            await desk.Service.TriageAsync(id, new TriageRequest("high", assignee), TicketDesk.Agent, null, default);
            await desk.Cleanup.WhenIdleAsync();
            return counter.Reset();
        }

        var keepsOwner = await CostOf(second.Id, Ava);
        var assigns = await CostOf(first.Id, Ava);
        var reassigns = await CostOf(first.Id, Ben);

        // Read the ticket, commit the batch, delete the published outbox row (in the background); an assignment also reads
        // the state row it moves, a reassignment both (in parallel: one round trip of latency, two requests).
        Assert.Equal(3, keepsOwner);
        Assert.Equal(4, assigns);
        Assert.Equal(5, reassigns);
    }

    private async Task<int> OpenTicketsOfAsync(string email) =>
        (await CountersAsync()).GetValueOrDefault(email);

    private async Task<List<TableEntity>> ProfileRowsAsync() =>
        [.. (await _desk.AllRowsAsync()).Where(row => row.RowKey.StartsWith("agent|", StringComparison.Ordinal) && row.RowKey.EndsWith("|profile", StringComparison.Ordinal))];

    /// <summary>Every state row's count, by address (zero counts left out).</summary>
    private async Task<Dictionary<string, int>> CountersAsync() =>
        (await _desk.AllRowsAsync())
            .Where(row => row.RowKey.StartsWith("agent|", StringComparison.Ordinal) && row.RowKey.EndsWith("|state", StringComparison.Ordinal))
            .Where(row => row.GetInt32("OpenTickets") > 0)
            .ToDictionary(row => row.GetString("Email"), row => row.GetInt32("OpenTickets")!.Value);

    /// <summary>The counts as a scan of the tickets themselves gives them: what the counters must always equal.</summary>
    private async Task<Dictionary<string, int>> RecountAsync() =>
        (await _desk.AllRowsAsync())
            .Where(row => row.RowKey.StartsWith("ticket|", StringComparison.Ordinal))
            .Select(row => System.Text.Json.JsonSerializer.Deserialize<Ticket>(row.GetString("Doc"), InfoFloPay.Functions.HelpdeskJson.Options)!)
            .Where(ticket => ticket.IsOpen && ticket.Assignee is not null)
            .GroupBy(ticket => ticket.Assignee!)
            .ToDictionary(group => group.Key, group => group.Count());

    public void Dispose() => _desk.Dispose();
}
