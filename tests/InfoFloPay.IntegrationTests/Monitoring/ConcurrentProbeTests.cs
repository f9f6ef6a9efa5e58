using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>Probes run at once: a hanging target holds up no other, and overlapping runs count each minute once.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ConcurrentProbeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Other_targets_are_probed_and_handled_while_a_hanging_target_is_still_unanswered()
    {
        await using var hanging = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        using var refused = ControllableTcpServer.Start();
        await using var monitoring = MonitoringHarness.Create(azurite);
        // Listed first, so a run that probed one target after another would be stuck on it.
        await monitoring.AddTargetAsync("a-hanging", "http", hanging.Url(HealthPage.Path), threshold: 1, timeoutSeconds: 60);
        await monitoring.AddTargetAsync("b-refused", "tcp", refused.Address, threshold: 1);
        hanging.Hold();
        refused.Stop();

        var run = monitoring.Runner.RunAsync(CancellationToken.None);
        await hanging.HeldRequestArrived.WaitAsync(TimeSpan.FromSeconds(30));
        var ticket = await monitoring.Tickets.WhenOpened("b-refused").WaitAsync(TimeSpan.FromSeconds(30));
        var runFinishedBeforeHangingTargetAnswered = run.IsCompleted;
        hanging.Release();
        var reports = await run;

        Assert.False(runFinishedBeforeHangingTargetAnswered);
        Assert.Equal(ticket, (await monitoring.StateOfAsync("b-refused")).OpenIncidentId);
        Assert.True(reports.Single(r => r.Target == "a-hanging").Result.Succeeded);
    }

    [Fact]
    public async Task A_target_that_never_answers_fails_at_its_own_timeout_and_the_others_are_recorded()
    {
        using var silent = new SilentTcpServer();
        await using var healthy = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("a-silent", "http", silent.HttpUrl, threshold: 1, timeoutSeconds: 1);
        await monitoring.AddTargetAsync("b-healthy", "http", healthy.Url(HealthPage.Path), threshold: 1);

        await monitoring.ProbeAsync();

        var silentState = await monitoring.StateOfAsync("a-silent");
        Assert.False(silentState.LastResult!.Succeeded);
        Assert.Equal("No answer within 1 s.", silentState.LastResult.Outcome.Detail);
        Assert.True((await monitoring.StateOfAsync("b-healthy")).LastResult!.Succeeded);
        Assert.Equal(["a-silent"], monitoring.Tickets.Calls.Select(c => c.Target));
    }

    [Fact]
    public async Task Overlapping_runs_for_the_same_minute_count_one_failure_and_open_one_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var first = MonitoringHarness.Create(azurite);
        await using var second = first.SecondInstance(azurite);
        await using var third = first.SecondInstance(azurite);
        await first.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 2);
        server.AnswerWith(HealthPage.Failing);

        var minuteOne = await RunTogetherAsync(first, second, third);
        Assert.Equal(1, minuteOne.Count(r => r.Counted));
        Assert.Equal(1, (await first.StateOfAsync("checkout")).ConsecutiveFailures);
        Assert.Empty(first.Tickets.Calls);

        first.Clock.Advance(TimeSpan.FromMinutes(1));
        var minuteTwo = await RunTogetherAsync(first, second, third);

        Assert.Equal(1, minuteTwo.Count(r => r.Counted));
        Assert.Equal(2, (await first.StateOfAsync("checkout")).ConsecutiveFailures);
        var open = Assert.Single(first.Tickets.Calls);
        Assert.Equal("open", open.Kind);
        Assert.Equal(open.TicketId, (await first.StateOfAsync("checkout")).OpenIncidentId);
    }

    private static async Task<IReadOnlyList<Functions.Monitoring.TargetProbeReport>> RunTogetherAsync(params MonitoringHarness[] instances)
    {
        var runs = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Runner.RunAsync(CancellationToken.None))));
        return [.. runs.SelectMany(r => r)];
    }
}
