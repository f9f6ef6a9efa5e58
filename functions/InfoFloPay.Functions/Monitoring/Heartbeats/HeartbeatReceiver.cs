using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// Takes a beat posted to a heartbeat URL: finds the target by the secret (unknown → 404, saying nothing about why),
/// records the beat, and counts it at once as a successful check, so a failing target starts recovering with the beat
/// rather than at the next probe run (its recovery threshold still applies). The beat counts for the slot it arrives in;
/// when that slot was already counted as a miss (the run at its start found no recent beat), it counts for the next slot,
/// which it is the evidence for: the run then skips that slot as counted, as for any slot counted twice.
/// </summary>
internal sealed class HeartbeatReceiver(
    HeartbeatStore heartbeats,
    MonitoringTargetStore targets,
    TargetStateStore states,
    ProbeResultRecorder recorder,
    IncidentDispatcher dispatcher,
    TimeProvider clock,
    ILogger<HeartbeatReceiver> logger)
{
    public async Task ReceiveAsync(string secret, CancellationToken cancellationToken)
    {
        var name = await heartbeats.ResolveAsync(secret, cancellationToken).ConfigureAwait(false);
        var target = name is null ? null : await targets.FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (target is not { Kind: ProbeKind.Heartbeat })
        {
            logger.LogInformation("Refused a heartbeat for an unknown heartbeat URL");
            throw RequestRejectedException.NotFound("Heartbeat URL");
        }

        var now = clock.GetUtcNow();
        if (!await heartbeats.RecordBeatAsync(target.Name, now, cancellationToken).ConfigureAwait(false))
        {
            throw RequestRejectedException.NotFound("Heartbeat URL");
        }

        var slot = target.SlotOf(now);
        var stored = await states.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
        if (stored.State.LastResult is { Succeeded: false } missed && missed.Slot >= slot)
        {
            slot = missed.Slot + target.Interval;
        }

        var result = new ProbeResult(slot, now, ProbeOutcome.Success(null, TimeSpan.Zero, string.Create(CultureInfo.InvariantCulture, $"Heartbeat received at {now:u}.")));
        // A beat is a success, and a maintenance window changes only what failures do: no need to ask the schedule.
        var decision = await recorder.RecordAsync(target, result, inMaintenance: false, cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(target, decision.Actions, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Heartbeat of {Target} at {BeatAt} ({Counted})", target.Name, now, decision.Counted ? "counted" : "slot already counted");
    }
}
