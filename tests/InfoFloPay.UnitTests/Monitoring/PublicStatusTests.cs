using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.UnitTests.Monitoring;

/// <summary>What <c>GET /api/status</c> makes of targets and their states: public ones only, one word each, outages as incidents.</summary>
public sealed class PublicStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private static readonly ProbeResult Ok = new(Start, Start, new ProbeOutcome(true, 200, TimeSpan.FromMilliseconds(5), "HTTP 200."));

    private static readonly ProbeResult Failed = new(Start, Start, new ProbeOutcome(false, 503, TimeSpan.FromMilliseconds(5), "HTTP 503, expected 200."));

    private static MonitoredTarget Target(string name, bool isPublic = true) =>
        new(name, ProbeKind.Http, "https://internal.example/health", 200, 10, null, 3, "contoso") { Public = isPublic };

    [Fact]
    public void Only_public_targets_are_shown_sorted_by_name()
    {
        var status = PublicStatusResponse.From([
            (Target("refunds"), TargetState.Initial, false),
            (Target("ledger", isPublic: false), TargetState.Initial with { OutageStartedAt = Start, OutageCount = 1 }, false),
            (Target("checkout"), TargetState.Initial, false),
        ]);

        Assert.Equal(["checkout", "refunds"], status.Targets.Select(t => t.Name));
        Assert.Empty(status.Incidents);
    }

    [Fact]
    public void A_target_not_probed_yet_or_failing_below_its_threshold_is_up()
    {
        var status = PublicStatusResponse.From([
            (Target("new"), TargetState.Initial, false),
            (Target("flaky"), TargetState.Initial with { ConsecutiveFailures = 2, FailingSince = Start, LastResult = Failed }, false),
        ]);

        Assert.All(status.Targets, t => Assert.Equal((PublicTargetStatus.Up, (DateTimeOffset?)null), (t.Status, t.Since)));
        Assert.Empty(status.Incidents);
    }

    [Fact]
    public void An_outage_is_down_since_its_first_failure_with_its_incident_even_inside_a_window()
    {
        var outage = TargetState.Initial with { ConsecutiveFailures = 3, OutageStartedAt = Start, OutageCount = 2, IncidentId = "IFP-1042", LastResult = Failed };

        var status = PublicStatusResponse.From([(Target("checkout"), outage, false), (Target("payouts"), outage, true)]);

        Assert.All(status.Targets, t => Assert.Equal((PublicTargetStatus.Down, (DateTimeOffset?)Start), (t.Status, t.Since)));
        Assert.Equal(
            [new PublicIncident("checkout-2", "checkout is unavailable", Start), new PublicIncident("payouts-2", "payouts is unavailable", Start)],
            status.Incidents);
    }

    [Fact]
    public void Inside_a_window_and_not_in_an_outage_is_maintenance_and_a_recovered_target_is_up_since_its_recovery()
    {
        var recovered = TargetState.Initial with { OutageCount = 1, IncidentId = "IFP-1042", IncidentResolved = true, RecoveredAt = Start.AddMinutes(7), LastResult = Ok };

        var status = PublicStatusResponse.From([
            (Target("checkout"), TargetState.Initial with { ConsecutiveFailures = 5, LastResult = Failed }, true),
            (Target("payouts"), recovered, false),
        ]);

        Assert.Equal(
            [new PublicTarget("checkout", PublicTargetStatus.Maintenance, null), new PublicTarget("payouts", PublicTargetStatus.Up, Start.AddMinutes(7))],
            status.Targets);
        Assert.Empty(status.Incidents);
    }

    [Fact]
    public void The_status_asks_the_stored_maintenance_windows_even_when_a_fallback_was_registered_first()
    {
        Assert.IsType<MaintenanceSchedule>(Schedule(_ => { }));
        Assert.IsType<MaintenanceSchedule>(Schedule(services => services.TryAddSingleton<IMaintenanceSchedule, NoMaintenanceSchedule>()));
    }

    private static IMaintenanceSchedule Schedule(Action<IServiceCollection> before)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        before(services);
        services.AddHelpdesk(configuration);
        return services.BuildServiceProvider().GetRequiredService<IMaintenanceSchedule>();
    }
}
