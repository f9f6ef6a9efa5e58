using System.Text.Json.Serialization;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A public target's state in the one word the status page shows.</summary>
public enum PublicTargetStatus
{
    Up,
    Down,
    Maintenance,
}

/// <summary>
/// One public target on the status page: its name and state only. <see cref="Since"/> is when the outage began (down) or
/// when the target last recovered (up); null when that is not known (up and never down, or in maintenance).
/// </summary>
internal sealed record PublicTarget(string Name, PublicTargetStatus Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? Since);

/// <summary>An outage of a public target that is going on, as the public sees it: no ticket, URL or probe detail.</summary>
internal sealed record PublicIncident(string Id, string Title, DateTimeOffset StartedAt);

/// <summary>The body of <c>GET /api/status</c>.</summary>
internal sealed record PublicStatusResponse(IReadOnlyList<PublicTarget> Targets, IReadOnlyList<PublicIncident> Incidents)
{
    /// <summary>What the public may see of <paramref name="targets"/>: the public ones, by name, and their outages.</summary>
    public static PublicStatusResponse From(IEnumerable<(MonitoredTarget Target, TargetState State, bool InMaintenance)> targets)
    {
        var shown = targets.Where(t => t.Target.Public).OrderBy(t => t.Target.Name, StringComparer.Ordinal).ToList();
        return new PublicStatusResponse(
            [.. shown.Select(t => Of(t.Target, t.State, t.InMaintenance))],
            [.. shown.Where(t => t.State.InOutage).Select(t => new PublicIncident(
                $"{t.Target.Name}-{t.State.OutageCount}", $"{t.Target.Name} is unavailable", t.State.OutageStartedAt!.Value))]);
    }

    // The console's rule (TargetStatusText): an outage shows as down even inside a window (it began before the window,
    // and its incident is open); a failing streak below the threshold, or a target not probed yet, is not an outage.
    private static PublicTarget Of(MonitoredTarget target, TargetState state, bool inMaintenance) =>
        TargetStatusText.Of(state, inMaintenance) switch
        {
            "down" => new PublicTarget(target.Name, PublicTargetStatus.Down, state.OutageStartedAt),
            "maintenance" => new PublicTarget(target.Name, PublicTargetStatus.Maintenance, null),
            _ => new PublicTarget(target.Name, PublicTargetStatus.Up, state.RecoveredAt),
        };
}
