using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>
/// What each API operation costs in storage requests, counted by the same pipeline policy the benchmark uses.
/// Counts are deterministic, so they gate CI; timings are left to the benchmark.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StorageRoundTripTests(AzuriteFixture azurite)
{
    private readonly StorageRoundTripCounter _counter = new();
    [Fact]
    public async Task Create_costs_at_most_three_round_trips_amortized_over_forty_creates_from_a_cold_start()
    {
        using var desk = new TicketDesk(azurite, _counter);
        await desk.RegisterAccountsAsync();
        _counter.Reset();

        for (var n = 0; n < 40; n++)
        {
            await desk.Service.CreateAsync(new NewTicketRequest($"Ticket {n}", "body", null, null, null, null), TicketDesk.CustomerA, TicketChannel.Portal, $"key-{n}", default);
        }

        await desk.Cleanup.WhenIdleAsync();
        var perCreate = _counter.Count / 40.0;
        Assert.True(perCreate <= 3.0, $"create cost {perCreate:0.00} storage round-trips on average");
        Assert.DoesNotContain(await desk.AllRowsAsync(), row => row.RowKey.StartsWith(TicketKeys.OutboxPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_costs_one_round_trip_and_a_list_page_costs_one()
    {
        using var desk = new TicketDesk(azurite, _counter);
        await desk.RegisterAccountsAsync();
        var ids = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            ids.Add((await desk.OpenAsync(TicketDesk.CustomerA, $"t{n}")).Id);
        }

        await desk.Service.GetAsync(ids[0], TicketDesk.CustomerA, default);
        await desk.Cleanup.WhenIdleAsync(); // the creates' background outbox deletes are not what this test counts
        _counter.Reset();
        await desk.Service.GetAsync(ids[1], TicketDesk.CustomerA, default);
        var get = _counter.Reset();
        var page = await desk.Service.ListAsync(new TicketListRequest("open", null, null, null, null, "2", null), TicketDesk.CustomerA, default);
        var firstPage = _counter.Reset();
        await desk.Service.ListAsync(new TicketListRequest("open", null, null, null, null, "2", page.ContinuationToken), TicketDesk.CustomerA, default);
        var nextPage = _counter.Reset();
        await desk.Service.QueueAsync(TicketDesk.Agent, "10", null, default);
        var queue = _counter.Reset();

        Assert.Equal(1, get);
        Assert.Equal(1, firstPage);
        Assert.Equal(1, nextPage);
        Assert.Equal(1, queue);
    }
}
