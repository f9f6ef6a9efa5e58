using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// Takes a beat posted to a heartbeat URL: finds the target by the secret (unknown → 404, saying nothing about why),
/// records the beat, and counts it at once as a successful check for the current slot, so a target in an outage starts
/// recovering with the beat rather than at the next probe run (its recovery threshold still applies).
/// </summary>
internal sealed class HeartbeatReceiver(
    HeartbeatStore heartbeats,
    MonitoringTargetStore targets,
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

        var result = new ProbeResult(target.SlotOf(now), now, ProbeOutcome.Success(null, TimeSpan.Zero, string.Create(CultureInfo.InvariantCulture, $"Heartbeat received at {now:u}.")));
        var decision = await recorder.RecordAsync(target, result, cancellationToken).ConfigureAwait(false);
        await dispatcher.DispatchAsync(target, decision.Actions, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Heartbeat of {Target} at {BeatAt} ({Counted})", target.Name, now, decision.Counted ? "counted" : "slot already counted");
    }
}
