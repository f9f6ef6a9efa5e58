using Azure.Data.Tables;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// A manager removes a target while a probe of it is in flight (the probed server holds the request): the probe's
/// result must not bring the target's rows back, nor open an urgent incident for a target nobody watches any more.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TargetRemovedWhileProbedTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_target_removed_during_its_first_probe_leaves_no_rows_and_no_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);

        await ProbeWhileRemovingAsync(server, monitoring, "checkout");

        Assert.Empty(monitoring.Tickets.Calls);
        Assert.Empty(await monitoring.Targets.ListAsync(default));
        Assert.Empty(await RowsOfAsync(monitoring, "checkout"));
    }

    [Fact]
    public async Task A_target_removed_during_the_probe_that_reaches_its_threshold_leaves_no_rows_and_no_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 2);
        await monitoring.ProbeAsync();
        Assert.NotEmpty(await RowsOfAsync(monitoring, "checkout"));

        await ProbeWhileRemovingAsync(server, monitoring, "checkout");

        Assert.Empty(monitoring.Tickets.Calls);
        Assert.Empty(await RowsOfAsync(monitoring, "checkout"));
    }

    private static async Task ProbeWhileRemovingAsync(LoopbackHttpServer server, MonitoringHarness monitoring, string name)
    {
        server.Hold();
        var run = monitoring.ProbeAsync();
        await server.HeldRequestArrived;
        Assert.True(await monitoring.Targets.DeleteAsync(name, default));
        server.Release();
        await run;
    }

    private async Task<List<TableEntity>> RowsOfAsync(MonitoringHarness monitoring, string name) =>
        await monitoring.TableClient(azurite).QueryAsync<TableEntity>(e => e.PartitionKey == MonitoringTable.TargetPartition(name)).ToListAsync();
}
