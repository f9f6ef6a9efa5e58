using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>Real local HTTP and TCP servers that fail and recover on command, probed on a fake minute-by-minute clock.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class OutageLifecycleTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_failing_http_server_opens_exactly_one_incident_after_threshold_failed_probes(int threshold)
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold);
        await monitoring.ProbeAsync();

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeTimesAsync(threshold - 1);
        Assert.Empty(monitoring.Tickets.Calls);

        await monitoring.ProbeAsync();
        var open = Assert.Single(monitoring.Tickets.Calls);
        Assert.Equal(("open", "checkout"), (open.Kind, open.Target));
        Assert.Contains($"failed {threshold} consecutive probes", open.Text);
        Assert.Contains("HTTP 503", open.Text);

        await monitoring.ProbeTimesAsync(5);
        Assert.Single(monitoring.Tickets.Calls);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal(threshold + 5, state.ConsecutiveFailures);
        Assert.Equal(open.TicketId, state.OpenIncidentId);
    }

    [Fact]
    public async Task Recovery_notes_the_outage_duration_and_resolves_the_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 2);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeTimesAsync(3);
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();

        Assert.Equal(["open", "resolve"], monitoring.Tickets.Calls.Select(c => c.Kind));
        var resolve = monitoring.Tickets.Calls[1];
        Assert.Equal(monitoring.Tickets.Calls[0].TicketId, resolve.TicketId);
        Assert.Contains("outage of 3 min", resolve.Text);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.OpenIncidentId);
    }

    [Fact]
    public async Task A_tcp_listener_that_stops_opens_one_incident_and_restarting_it_resolves_it()
    {
        using var server = ControllableTcpServer.Start();
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("ledger-db", "tcp", server.Address, threshold: 3);
        await monitoring.ProbeAsync();
        Assert.True((await monitoring.StateOfAsync("ledger-db")).LastResult!.Succeeded);

        server.Stop();
        await monitoring.ProbeTimesAsync(2);
        Assert.Empty(monitoring.Tickets.Calls);
        await monitoring.ProbeTimesAsync(2);
        Assert.Equal(["open"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Contains("ConnectionRefused", monitoring.Tickets.Calls[0].Text);

        server.Restart();
        await monitoring.ProbeAsync();

        Assert.Equal(["open", "resolve"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Contains("outage of 4 min", monitoring.Tickets.Calls[1].Text);
    }

    [Fact]
    public async Task A_page_without_the_expected_text_is_a_failure()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1, bodyContains: "status: ok");
        await monitoring.ProbeAsync();
        Assert.Empty(monitoring.Tickets.Calls);

        server.AnswerWith(HealthPage.Degraded);
        await monitoring.ProbeAsync();

        var open = Assert.Single(monitoring.Tickets.Calls);
        Assert.Contains("lacks \"status: ok\"", open.Text);
    }

    [Fact]
    public async Task While_it_keeps_failing_the_incident_gets_one_note_per_interval()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite, new Dictionary<string, string?> { ["Monitoring:NoteInterval"] = "00:10:00" });
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeTimesAsync(25);

        Assert.Equal(["open", "note", "note"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Contains("Still failing after 10 min", monitoring.Tickets.Calls[1].Text);
        Assert.Contains("Still failing after 20 min", monitoring.Tickets.Calls[2].Text);
    }

    [Fact]
    public async Task Without_auto_resolve_recovery_only_adds_a_note()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite, new Dictionary<string, string?> { ["Monitoring:AutoResolve"] = "false" });
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();

        Assert.Equal(["open", "note"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Contains("Recovered", monitoring.Tickets.Calls[1].Text);
        Assert.Equal(monitoring.Tickets.Calls[0].TicketId, (await monitoring.StateOfAsync("checkout")).OpenIncidentId);
    }

    [Fact]
    public async Task Flapping_within_the_reopen_window_reopens_the_same_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);

        for (var flap = 0; flap < 3; flap++)
        {
            server.AnswerWith(HealthPage.Failing);
            await monitoring.ProbeAsync();
            server.AnswerWith(HealthPage.Healthy);
            await monitoring.ProbeAsync();
        }

        Assert.Equal(["open", "resolve", "reopen", "resolve", "reopen", "resolve"], monitoring.Tickets.Calls.Select(c => c.Kind));
        var ticket = Assert.Single(monitoring.Tickets.TicketsFor("checkout"));
        Assert.All(monitoring.Tickets.Calls, c => Assert.Equal(ticket, c.TicketId));
    }

    [Fact]
    public async Task An_incident_closed_while_the_target_still_fails_is_replaced_at_the_next_note()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        await monitoring.ProbeAsync();
        var first = Assert.Single(monitoring.Tickets.TicketsFor("checkout"));
        monitoring.Tickets.Close(first);

        monitoring.Clock.Advance(TimeSpan.FromMinutes(30));
        await monitoring.ProbeAsync();

        Assert.Equal(["open", "reopen-refused", "open"], monitoring.Tickets.Calls.Select(c => c.Kind));
        var second = Assert.Single(monitoring.Tickets.TicketsFor("checkout"), id => id != first);
        Assert.Contains($"its incident {first} was closed", monitoring.Tickets.Calls[2].Text);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal((second, 2), (state.OpenIncidentId, state.OutageCount));
    }

    [Fact]
    public async Task Failing_again_after_the_reopen_window_opens_a_new_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite, new Dictionary<string, string?> { ["Monitoring:ReopenWindow"] = "00:10:00" });
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();
        monitoring.Clock.Advance(TimeSpan.FromMinutes(15));
        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();

        Assert.Equal(["open", "resolve", "open"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Equal(2, monitoring.Tickets.TicketsFor("checkout").Count);
    }

    [Fact]
    public async Task An_open_the_ticket_service_refused_is_retried_next_run_without_a_second_ticket()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        monitoring.Tickets.FailNextOpens(1);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();
        Assert.Null((await monitoring.StateOfAsync("checkout")).IncidentId);
        await monitoring.ProbeTimesAsync(2);

        Assert.Equal(["open-failed", "open"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Equal(monitoring.Tickets.Calls[0].IdempotencyKey, monitoring.Tickets.Calls[1].IdempotencyKey);
        var ticket = Assert.Single(monitoring.Tickets.TicketsFor("checkout"));
        Assert.Equal(ticket, (await monitoring.StateOfAsync("checkout")).OpenIncidentId);
    }

    [Fact]
    public async Task A_recovery_while_the_incident_was_being_created_resolves_it_once_it_is_recorded()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        monitoring.Tickets.WhileOpening = async () =>
        {
            server.AnswerWith(HealthPage.Healthy);
            monitoring.Clock.Advance(TimeSpan.FromMinutes(1));
            await monitoring.Runner.RunAsync(CancellationToken.None);
        };

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();

        // The recovering run did not know the ticket yet, so it asked for it again with the same key.
        Assert.Equal(["open", "open", "resolve"], monitoring.Tickets.Calls.Select(c => c.Kind));
        Assert.Single(monitoring.Tickets.TicketsFor("checkout"));
        Assert.Contains("before this incident was recorded", monitoring.Tickets.Calls[2].Text);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal(monitoring.Tickets.Calls[0].TicketId, state.IncidentId);
        Assert.Null(state.OpenIncidentId);
    }
}
