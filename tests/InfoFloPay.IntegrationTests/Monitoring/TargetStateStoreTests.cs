using InfoFloPay.Domain.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TargetStateStoreTests(AzuriteFixture azurite)
{
    private static ProbeResult Result(int minute, bool succeeded) => new(
        MonitoringHarness.Start.AddMinutes(minute),
        MonitoringHarness.Start.AddMinutes(minute).AddSeconds(1),
        new ProbeOutcome(succeeded, succeeded ? 200 : 503, TimeSpan.FromMilliseconds(12.5), succeeded ? "HTTP 200." : "HTTP 503, expected 200."));

    [Fact]
    public async Task A_change_made_from_a_stale_read_is_refused_and_loses_nothing()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var states = monitoring.States;
        await states.TryCommitAsync("checkout", TargetState.Initial with { ConsecutiveFailures = 1 }, null, Result(0, false), default);
        var read = await states.ReadAsync("checkout", default);
        var sameRead = await states.ReadAsync("checkout", default);

        Assert.True(await states.TryCommitAsync("checkout", read.State with { ConsecutiveFailures = 2 }, read.ETag, Result(1, false), default));
        Assert.False(await states.TryCommitAsync("checkout", sameRead.State with { ConsecutiveFailures = 2 }, sameRead.ETag, Result(1, false), default));
        Assert.False(await states.TryCommitAsync("checkout", TargetState.Initial, null, Result(1, true), default));

        Assert.Equal(2, (await states.ReadAsync("checkout", default)).State.ConsecutiveFailures);
    }

    [Fact]
    public async Task History_is_a_ring_that_keeps_only_the_newest_results()
    {
        await using var monitoring = MonitoringHarness.Create(azurite, new Dictionary<string, string?> { ["Monitoring:HistoryLength"] = "5" });
        var states = monitoring.States;
        var stored = await states.ReadAsync("checkout", default);
        for (var minute = 0; minute < 8; minute++)
        {
            var result = Result(minute, succeeded: minute % 2 == 0);
            Assert.True(await states.TryCommitAsync("checkout", stored.State with { LastResult = result }, stored.ETag, result, default));
            stored = await states.ReadAsync("checkout", default);
        }

        var (_, all) = await states.ReadWithHistoryAsync("checkout", MonitoringHarness.Start.AddMinutes(7), 60, default);
        var (_, three) = await states.ReadWithHistoryAsync("checkout", MonitoringHarness.Start.AddMinutes(7), 3, default);

        Assert.Equal([7, 6, 5, 4, 3], all.Select(r => (int)(r.Slot - MonitoringHarness.Start).TotalMinutes));
        Assert.Equal([7, 6, 5], three.Select(r => (int)(r.Slot - MonitoringHarness.Start).TotalMinutes));
        var rows = await monitoring.TableClient(azurite)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "target|checkout").ToListAsync();
        Assert.Equal(5, rows.Count(r => r.RowKey.StartsWith("history|", StringComparison.Ordinal)));
        Assert.Equal(12.5, all[0].Outcome.Latency.TotalMilliseconds);
    }

    [Fact]
    public async Task The_state_view_leaves_out_history_older_than_its_window()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var states = monitoring.States;
        var stored = await states.ReadAsync("checkout", default);
        await states.TryCommitAsync("checkout", stored.State, stored.ETag, Result(0, true), default);
        stored = await states.ReadAsync("checkout", default);
        await states.TryCommitAsync("checkout", stored.State, stored.ETag, Result(10, false), default);

        var (_, history) = await states.ReadWithHistoryAsync("checkout", MonitoringHarness.Start.AddMinutes(12), 5, default);

        Assert.Equal([10], history.Select(r => (int)(r.Slot - MonitoringHarness.Start).TotalMinutes));
    }
}
