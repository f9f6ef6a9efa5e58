using InfoFloPay.Domain.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// Targets probed every 10 s and every 60 s, each threshold from 1 to 5, with the timer firing every 10 s as
/// <c>PROBE_SCHEDULE</c> does: a target is probed once per slot of its own interval, and a real failing server opens
/// exactly one incident after threshold × interval.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProbeIntervalTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan TimerPeriod = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 2)]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(10, 5)]
    [InlineData(60, 1)]
    [InlineData(60, 2)]
    [InlineData(60, 3)]
    [InlineData(60, 4)]
    [InlineData(60, 5)]
    public async Task A_failing_server_opens_one_incident_after_threshold_probes_of_its_interval(int intervalSeconds, int threshold)
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        var target = TargetDefinition.Validate(new TargetDraft(
            "checkout", "http", server.Url(HealthPage.Path), null, 5, null, threshold, null, IntervalSeconds: intervalSeconds)).Target!;
        await monitoring.Targets.SaveAsync(target, default);
        await monitoring.Runner.RunAsync(default);

        server.AnswerWith(HealthPage.Failing);
        var probesBefore = server.Requests.Count;
        var elapsed = TimeSpan.Zero;
        while (monitoring.Tickets.Calls.Count == 0)
        {
            Assert.True(elapsed <= target.DetectionTime, $"No incident {elapsed.TotalSeconds} s after the server went down.");
            monitoring.Clock.Advance(TimerPeriod);
            elapsed += TimerPeriod;
            await monitoring.Runner.RunAsync(default);
        }

        Assert.Equal(TimeSpan.FromSeconds(intervalSeconds * threshold), elapsed);
        Assert.Equal(threshold, server.Requests.Count - probesBefore);
        var open = Assert.Single(monitoring.Tickets.Calls);
        Assert.Equal(("open", "checkout"), (open.Kind, open.Target));

        // Two more intervals of timer runs: two more probes, still the one incident.
        for (var run = 0; run < 2 * intervalSeconds / TimerPeriod.TotalSeconds; run++)
        {
            monitoring.Clock.Advance(TimerPeriod);
            await monitoring.Runner.RunAsync(default);
        }

        Assert.Equal(threshold + 2, server.Requests.Count - probesBefore);
        Assert.Single(monitoring.Tickets.Calls);
        Assert.Equal(open.TicketId, (await monitoring.StateOfAsync("checkout")).OpenIncidentId);
    }
}
