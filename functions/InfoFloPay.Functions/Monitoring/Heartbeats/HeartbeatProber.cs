using System.Globalization;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// A heartbeat target is "probed" by looking at its last beat: healthy while the last beat (or, before the first, the
/// issue of its URL) is at most <c>intervalSeconds + graceSeconds</c> old. So a missed beat is one failed slot in the
/// same counting as every other probe, and the threshold, incident and recovery rules apply unchanged.
/// </summary>
internal sealed class HeartbeatProber(HeartbeatStore heartbeats, TimeProvider clock) : ITargetProber
{
    public ProbeKind Kind => ProbeKind.Heartbeat;

    public async Task<ProbeOutcome> ProbeAsync(MonitoredTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var record = await heartbeats.FindAsync(target.Name, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            // Only between a PUT's definition write and its secret write, or after that PUT failed half-way: PUT it again.
            return ProbeOutcome.Failure(null, TimeSpan.Zero, "No heartbeat URL has been issued for this target; PUT the target again to get one.");
        }

        var now = clock.GetUtcNow();
        var age = now - record.LastSignOfLife;
        var allowed = target.Interval + TimeSpan.FromSeconds(target.GraceSeconds);
        if (age <= allowed)
        {
            return ProbeOutcome.Success(null, TimeSpan.Zero, record.LastBeatAt is { } beat
                ? Text($"Last heartbeat at {beat:u}, {DurationText.Describe(age)} ago.")
                : Text($"Waiting for the first heartbeat (URL issued at {record.IssuedAt:u})."));
        }

        return ProbeOutcome.Failure(null, TimeSpan.Zero, record.LastBeatAt is { } last
            ? Text($"No heartbeat for {DurationText.Describe(age)}: the last was at {last:u}; one is expected every {DurationText.Describe(target.Interval)} (grace {DurationText.Describe(TimeSpan.FromSeconds(target.GraceSeconds))}).")
            : Text($"No heartbeat since the URL was issued at {record.IssuedAt:u} ({DurationText.Describe(age)} ago); one is expected every {DurationText.Describe(target.Interval)}."));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
