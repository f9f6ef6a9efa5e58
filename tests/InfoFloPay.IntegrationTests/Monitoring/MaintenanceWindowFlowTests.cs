using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Telemetry;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// A real failing health page probed minute by minute on a fake clock, with maintenance windows stored on Azurite:
/// failures inside a window are recorded and open nothing; an outage that outlives the window opens exactly one
/// incident at the first failed probe after the end; one that recovered inside it leaves nothing to report.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class MaintenanceWindowFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = MonitoringHarness.Start;

    [Fact]
    public async Task A_window_that_covers_the_whole_outage_opens_no_incident_but_keeps_the_failures_on_record()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 2);
        await monitoring.AddMaintenanceAsync("db-upgrade", OneOff(["checkout"], Start.AddMinutes(1), Start.AddMinutes(11)));
        await monitoring.ProbeAsync();

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeTimesAsync(8);
        var during = await monitoring.StateOfAsync("checkout");
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeTimesAsync(5);

        Assert.Empty(monitoring.Tickets.Calls);
        Assert.Equal(8, during.ConsecutiveFailures);
        Assert.False(during.InOutage);
        var (_, history) = await monitoring.States.ReadWithHistoryAsync("checkout", monitoring.Clock.GetUtcNow(), 60, default);
        Assert.Equal(8, history.Count(r => !r.Succeeded));
    }

    [Fact]
    public async Task An_outage_that_outlives_the_window_opens_exactly_one_incident_at_the_first_failed_probe_after_its_end()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 3);
        await monitoring.AddTargetAsync("ledger-db", "http", server.Url(HealthPage.Path), threshold: 3);
        await monitoring.AddMaintenanceAsync("db-upgrade", OneOff(["checkout"], Start, Start.AddMinutes(10)));

        // Minutes 0-9 are inside the window: ten failures for checkout, nothing opened. ledger-db is not in the window.
        await monitoring.ProbeTimesAsync(10);
        Assert.Equal(["ledger-db"], monitoring.Tickets.Calls.Select(c => c.Target));
        Assert.Equal(10, (await monitoring.StateOfAsync("checkout")).ConsecutiveFailures);

        // Minute 10 is the end (exclusive): the first probe after the window opens checkout's one incident.
        Assert.Equal(Start.AddMinutes(10), monitoring.Clock.GetUtcNow());
        await monitoring.ProbeAsync();
        var open = Assert.Single(monitoring.Tickets.Calls, c => c.Target == "checkout");
        Assert.Equal("open", open.Kind);
        Assert.Contains("failed 11 consecutive probes since 2026-11-26 14:00:00Z", open.Text);

        await monitoring.ProbeTimesAsync(5);
        Assert.Single(monitoring.Tickets.Calls, c => c.Target == "checkout");
        Assert.Equal(open.TicketId, (await monitoring.StateOfAsync("checkout")).OpenIncidentId);
    }

    [Fact]
    public async Task An_outage_that_recovered_inside_the_window_reports_nothing_when_it_ends()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        await monitoring.AddMaintenanceAsync("everything", OneOff(["*"], Start, Start.AddMinutes(10)));

        await monitoring.ProbeTimesAsync(6);
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeTimesAsync(10);

        Assert.Empty(monitoring.Tickets.Calls);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal((0, false, 0), (state.ConsecutiveFailures, state.InOutage, state.OutageCount));
    }

    [Fact]
    public async Task A_recurring_window_suppresses_each_night_and_not_the_daytime()
    {
        // Every day at 14:00 UTC for 5 minutes: the harness clock starts at 14:00.
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        await monitoring.AddMaintenanceAsync("daily", new MaintenanceWindowRequest(["checkout"], Cron: "0 0 14 * * *", DurationMinutes: 5, TimeZone: "UTC"));

        await monitoring.ProbeTimesAsync(5);
        Assert.Empty(monitoring.Tickets.Calls);
        await monitoring.ProbeAsync();
        Assert.Equal(["open"], monitoring.Tickets.Calls.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_probe_run_reads_the_windows_once_however_many_targets_it_probes()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        var requests = new StorageRequestLog();
        await using var monitoring = MonitoringHarness.Create(azurite, requests: requests);
        foreach (var name in new[] { "checkout", "ledger-db", "payouts-api", "refunds-api" })
        {
            await monitoring.AddTargetAsync(name, "http", server.Url(HealthPage.Path), threshold: 1);
        }

        await monitoring.AddMaintenanceAsync("db-upgrade", OneOff(["checkout", "ledger-db"], Start, Start.AddHours(1)));
        await monitoring.AddMaintenanceAsync("payouts", OneOff(["payouts-api"], Start, Start.AddHours(1)));
        requests.Clear();

        var reports = await monitoring.ProbeAsync();

        Assert.Equal(4, reports.Count);
        var windowReads = requests.Requests.Count(uri => Uri.UnescapeDataString(uri.Query.Replace('+', ' ')).Contains("PartitionKey eq 'maintenance'", StringComparison.Ordinal));
        Assert.Equal(1, windowReads);
        Assert.Equal(["refunds-api"], monitoring.Tickets.Calls.Select(c => c.Target));
    }

    [Fact]
    public async Task A_timer_run_that_finds_nothing_due_reads_no_windows_and_logs_nothing_at_information()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        var requests = new StorageRequestLog();
        var logs = new ScopedLogCapture();
        await using var monitoring = MonitoringHarness.Create(azurite, requests: requests, logs: logs);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path));
        await monitoring.AddMaintenanceAsync("db-upgrade", OneOff(["checkout"], Start, Start.AddHours(1)));
        Assert.Single(await monitoring.Runner.RunAsync(default));
        requests.Clear();
        var linesBefore = logs.Entries.Count;

        // The same minute's slot again, as the 10-second timer finds it five times a minute.
        monitoring.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await monitoring.Runner.RunAsync(default));

        Assert.DoesNotContain(requests.Requests, uri => Uri.UnescapeDataString(uri.Query.Replace('+', ' ')).Contains("PartitionKey eq 'maintenance'", StringComparison.Ordinal));
        var quiet = logs.Entries.Skip(linesBefore).Where(line => line.Category.EndsWith(nameof(ProbeRunner), StringComparison.Ordinal)).ToList();
        Assert.Contains(quiet, line => line.Message.Contains("0 of 1 targets due", StringComparison.Ordinal) && line.Level == LogLevel.Debug);
        Assert.DoesNotContain(quiet, line => line.Level >= LogLevel.Information);

        // The next slot is due again: the windows are read, and the run says so at Information.
        monitoring.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await monitoring.Runner.RunAsync(default));
        Assert.Contains(logs.Entries, line => line.Message.Contains("1 of 1 targets due", StringComparison.Ordinal) && line.Level == LogLevel.Information);
    }

    private static MaintenanceWindowRequest OneOff(string[] targets, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new(targets, startsAt, endsAt, "Planned work");
}
