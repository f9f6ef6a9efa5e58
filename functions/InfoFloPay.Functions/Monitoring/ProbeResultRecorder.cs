using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// Applies one probe result to a target's stored state: read with its ETag, evaluate, write conditioned on that ETag;
/// when another run got there first, read again and evaluate again. The tracker ignores a slot already counted, so two
/// runs for the same instant count one failure, and only the run whose write won carries out the incident actions.
/// </summary>
internal sealed class ProbeResultRecorder(TargetStateStore states, OutageTracker tracker, ILogger<ProbeResultRecorder> logger)
{
    private const int MaxAttempts = 10;

    public async Task<OutageDecision> RecordAsync(MonitoredTarget target, ProbeResult result, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await states.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
            var decision = tracker.Evaluate(target, stored.State, result);
            if (!decision.Counted)
            {
                logger.LogInformation("Probe of {Target} for slot {Slot} was already counted by another run", target.Name, result.Slot);
                return decision;
            }

            if (await states.TryCommitAsync(target.Name, decision.State, stored.ETag, result, cancellationToken).ConfigureAwait(false))
            {
                return decision;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"State of monitoring target {target.Name} kept changing; gave up after {MaxAttempts} attempts.");
            }

            logger.LogInformation("State of {Target} changed under run for slot {Slot}; evaluating again", target.Name, result.Slot);
        }
    }

    /// <summary>Remembers the ticket that was opened for outage <paramref name="outageNumber"/>, unless a ticket is already known.</summary>
    public async Task<TargetState?> RecordIncidentAsync(string name, int outageNumber, string ticketId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await states.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (stored.ETag is not { } etag || stored.State.OutageCount != outageNumber || stored.State.IncidentId is not null)
            {
                return null;
            }

            var updated = stored.State with { IncidentId = ticketId };
            if (await states.TryReplaceAsync(name, updated, etag, cancellationToken).ConfigureAwait(false))
            {
                return updated;
            }
        }

        throw new InvalidOperationException($"State of monitoring target {name} kept changing; incident {ticketId} not recorded.");
    }
}
