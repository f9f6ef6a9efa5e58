using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// Applies one probe result to a target's stored state: read with its ETag, evaluate, write conditioned on that ETag;
/// when another run got there first, read again and evaluate again. The tracker ignores a slot already counted, so two
/// runs for the same instant count one failure, and only the run whose write won carries out the incident actions.
/// </summary>
internal sealed class ProbeResultRecorder(
    TargetStateStore states, MonitoringTargetStore targets, OutageTracker tracker, TimeProvider clock, ILogger<ProbeResultRecorder> logger)
{
    private const int MaxAttempts = 10;

    /// <summary><paramref name="inMaintenance"/>: a window covers the target now, so a failing streak opens nothing.</summary>
    public async Task<OutageDecision> RecordAsync(MonitoredTarget target, ProbeResult result, bool inMaintenance, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await states.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);

            // No state row: the target is new, or it was removed while this probe was in flight. Writing would bring the
            // removed target's rows back (and maybe an incident with them), so its definition must still be there.
            if (stored.ETag is null && await targets.FindAsync(target.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                logger.LogInformation("Probe of {Target} for slot {Slot} dropped: the target was removed", target.Name, result.Slot);
                return OutageDecision.AlreadyCounted(stored.State);
            }

            var decision = tracker.Evaluate(target, stored.State, result, inMaintenance);
            if (!decision.Counted)
            {
                logger.LogInformation("Probe of {Target} for slot {Slot} was already counted by another run", target.Name, result.Slot);
                return decision;
            }

            if (await states.TryCommitAsync(target.Name, target.Interval, decision.State, stored.ETag, result, cancellationToken).ConfigureAwait(false))
            {
                // A first write is an insert, so a removal that cleared the target's rows between the check above and
                // the write would not stop it. Looking again after the write closes that gap: whichever came last, the
                // removal's own clean-up or this one, leaves no rows behind.
                if (stored.ETag is null && await targets.FindAsync(target.Name, cancellationToken).ConfigureAwait(false) is null)
                {
                    await targets.DeleteAsync(target.Name, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Probe of {Target} for slot {Slot} dropped: the target was removed while it was recorded", target.Name, result.Slot);
                    return OutageDecision.AlreadyCounted(stored.State);
                }

                return decision;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"State of monitoring target {target.Name} kept changing; gave up after {MaxAttempts} attempts.");
            }

            logger.LogInformation("State of {Target} changed under run for slot {Slot}; evaluating again", target.Name, result.Slot);
        }
    }

    /// <summary>
    /// Remembers the ticket <paramref name="open"/> created; returns what is still to be done (a recovery that happened
    /// while the ticket was being created).
    /// </summary>
    public Task<OutageDecision> RecordIncidentAsync(MonitoredTarget target, OpenIncident open, string ticketId, CancellationToken cancellationToken) =>
        UpdateAsync(target, state => tracker.IncidentOpened(target, state, open, ticketId, clock.GetUtcNow()), $"incident {ticketId} not recorded", cancellationToken);

    /// <summary>Forgets incident <paramref name="ticketId"/>, which someone closed; returns the open of its replacement.</summary>
    public Task<OutageDecision> RecordIncidentClosedAsync(MonitoredTarget target, string ticketId, CancellationToken cancellationToken) =>
        UpdateAsync(target, state => OutageTracker.IncidentClosed(target, state, ticketId), $"closed incident {ticketId} not replaced", cancellationToken);

    /// <summary>The read-evaluate-write loop for a change that is not a probe result; nothing is written without a state row.</summary>
    private async Task<OutageDecision> UpdateAsync(
        MonitoredTarget target, Func<TargetState, OutageDecision> decide, string whatIsLost, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await states.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
            if (stored.ETag is not { } etag)
            {
                // The target was removed meanwhile: nothing is left to update, and nothing is to be done for it.
                return OutageDecision.AlreadyCounted(stored.State);
            }

            var decision = decide(stored.State);
            if (!decision.Counted)
            {
                return decision;
            }

            if (await states.TryReplaceAsync(target.Name, decision.State, etag, cancellationToken).ConfigureAwait(false))
            {
                return decision;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"State of monitoring target {target.Name} kept changing; {whatIsLost}.");
            }
        }
    }
}
