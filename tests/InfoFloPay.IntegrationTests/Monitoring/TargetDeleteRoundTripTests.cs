using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>What removing a monitoring target costs in storage requests: the definition's delete says whether it
/// existed, so nothing is read first.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TargetDeleteRoundTripTests(AzuriteFixture azurite)
{
    private readonly StorageRoundTripCounter _counter = new();

    private static ProbeResult Failed(int minute) => new(
        MonitoringHarness.Start.AddMinutes(minute),
        MonitoringHarness.Start.AddMinutes(minute).AddSeconds(1),
        new ProbeOutcome(false, 503, TimeSpan.FromMilliseconds(12.5), "HTTP 503, expected 200."));

    private static MonitoredTarget Target(string name) =>
        new(name, ProbeKind.Http, "https://status.example/health", 200, 10, null, 1, null);

    [Fact]
    public async Task Deleting_a_probed_target_costs_the_delete_one_query_and_one_batch_and_leaves_no_rows()
    {
        var (definitions, states, client) = await StoresAsync();
        await definitions.SaveAsync(Target("checkout"), default);
        await states.TryCommitAsync("checkout", TargetState.Initial with { ConsecutiveFailures = 1 }, null, Failed(0), default);
        var read = await states.ReadAsync("checkout", default);
        await states.TryCommitAsync("checkout", read.State with { ConsecutiveFailures = 2 }, read.ETag, Failed(1), default);
        _counter.Reset();

        Assert.True(await definitions.DeleteAsync("checkout", default));

        // The definition's delete, the query of the target's partition, one batch deleting its state and history rows.
        Assert.Equal(3, _counter.Count);
        Assert.Null(await definitions.FindAsync("checkout", default));
        Assert.Empty(await client.QueryAsync<TableEntity>(e => e.PartitionKey == MonitoringTable.TargetPartition("checkout")).ToListAsync());
    }

    [Fact]
    public async Task Deleting_a_target_never_probed_costs_two_and_a_missing_one_reports_it_at_the_same_cost()
    {
        var (definitions, _, _) = await StoresAsync();
        await definitions.SaveAsync(Target("payouts"), default);
        _counter.Reset();

        var existed = await definitions.DeleteAsync("payouts", default);
        var deleteCost = _counter.Reset();
        var existedAgain = await definitions.DeleteAsync("payouts", default);
        var missingCost = _counter.Reset();

        Assert.Equal((true, 2L), (existed, deleteCost));
        Assert.Equal((false, 2L), (existedAgain, missingCost));
        Assert.Empty(await definitions.ListAsync(default));
    }

    [Fact]
    public async Task Deleting_a_missing_target_still_clears_state_left_behind_by_a_probe_run()
    {
        var (definitions, states, client) = await StoresAsync();
        await definitions.SaveAsync(Target("gateway"), default);
        await states.TryCommitAsync("orphan", TargetState.Initial with { ConsecutiveFailures = 1 }, null, Failed(0), default);

        Assert.False(await definitions.DeleteAsync("orphan", default));

        Assert.Empty(await client.QueryAsync<TableEntity>(e => e.PartitionKey == MonitoringTable.TargetPartition("orphan")).ToListAsync());
        Assert.Equal(["gateway"], (await definitions.ListAsync(default)).Select(t => t.Name));
    }

    /// <summary>The stores on a fresh table through a client that counts requests; the table already exists, so its
    /// creation is not counted.</summary>
    private async Task<(MonitoringTargetStore Definitions, TargetStateStore States, TableClient Client)> StoresAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        var settings = Options.Create(new MonitoringOptions { TableName = "mondel" + Guid.NewGuid().ToString("N")[..12], HistoryLength = 5 });
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var table = new MonitoringTable(service, settings);
        var client = service.GetTableClient(settings.Value.TableName);
        await table.GetAsync(default);
        return (new MonitoringTargetStore(table), new TargetStateStore(table, settings), client);
    }
}
