using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>What the anonymous status costs storage: a burst of callers shares one read per cache period.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PublicStatusBoardTests(AzuriteFixture azurite)
{
    private readonly StorageRoundTripCounter _counter = new();
    private readonly FakeTimeProvider _clock = new(MonitoringHarness.Start);

    [Fact]
    public async Task A_burst_of_callers_costs_one_read_per_five_seconds()
    {
        var (board, definitions) = await BoardAsync();
        await definitions.SaveAsync(Target("checkout", isPublic: true), default);
        await definitions.SaveAsync(Target("payouts", isPublic: true), default);
        await definitions.SaveAsync(Target("ledger", isPublic: false), default);
        _counter.Reset();

        var burst = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => board.GetAsync(default))));

        // The definitions' query and the state of each public target (the private one is not read): once for all 50.
        Assert.Equal(3L, _counter.Reset());
        Assert.All(burst, status => Assert.Equal(["checkout", "payouts"], status.Targets.Select(t => t.Name)));

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => board.GetAsync(default)));
        Assert.Equal(0L, _counter.Reset());

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => board.GetAsync(default)));
        Assert.Equal(3L, _counter.Reset());
    }

    [Fact]
    public async Task A_caller_that_goes_away_does_not_fail_the_read_the_others_share()
    {
        var (board, definitions) = await BoardAsync();
        await definitions.SaveAsync(Target("checkout", isPublic: true), default);
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => board.GetAsync(gone.Token));
        var status = await board.GetAsync(default);

        Assert.Equal("checkout", Assert.Single(status.Targets).Name);
    }

    private static MonitoredTarget Target(string name, bool isPublic) =>
        new(name, ProbeKind.Http, "https://status.example/health", 200, 10, null, 1, null) { Public = isPublic };

    /// <summary>The board on a fresh table through a client that counts requests; the table already exists, so its
    /// creation is not counted.</summary>
    private async Task<(PublicStatusBoard Board, MonitoringTargetStore Definitions)> BoardAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        var settings = Options.Create(new MonitoringOptions { TableName = "monpub" + Guid.NewGuid().ToString("N")[..12] });
        var table = new MonitoringTable(new TableServiceClient(azurite.ConnectionString, options), settings);
        await table.GetAsync(default);
        var definitions = new MonitoringTargetStore(table);
        var board = new PublicStatusBoard(definitions, new TargetStateStore(table, settings), new NoMaintenanceSchedule(), _clock, NullLogger<PublicStatusBoard>.Instance);
        return (board, definitions);
    }
}
