using System.Globalization;

namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// The one-incident-per-outage rules, as a pure state machine: given a target's state and a probe result, the next state
/// and what to do to the incident. A failing streak that reaches the target's threshold opens one urgent incident; while
/// it lasts, at most one note per interval; on recovery, a note with the outage's duration and (by default) resolve;
/// a relapse that starts within the reopen window after recovery reopens that same incident, unless someone closed it.
/// </summary>
public sealed class OutageTracker(OutagePolicy policy)
{
    /// <summary>
    /// Applies <paramref name="result"/>. <paramref name="inMaintenance"/>: the target is inside a maintenance window, so a
    /// failing streak is counted (and recorded) but opens no incident; if it still fails after the window, the first probe
    /// after it opens the one incident, and a streak that recovered inside the window leaves nothing to report.
    /// </summary>
    public OutageDecision Evaluate(MonitoredTarget target, TargetState state, ProbeResult result, bool inMaintenance = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);

        if (state.LastCountedSlot is { } counted && result.Slot <= counted)
        {
            return OutageDecision.AlreadyCounted(state);
        }

        var recorded = state with { LastResult = result };
        return result.Succeeded ? Succeeded(target, recorded, result) : Failed(target, recorded, result, inMaintenance);
    }

    /// <summary>
    /// Records the ticket an <see cref="OpenIncident"/> created. Nothing changes when the state has moved on to another
    /// outage or already knows a ticket. When the target recovered while the ticket was being created, the recovery
    /// that could not be reported then is reported now.
    /// </summary>
    public OutageDecision IncidentOpened(MonitoredTarget target, TargetState state, OpenIncident open, string ticketId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(open);

        if (state.OutageCount != open.OutageNumber || state.IncidentId is not null)
        {
            return OutageDecision.AlreadyCounted(state);
        }

        var recorded = state with { IncidentId = ticketId };
        if (state.InOutage || state.RecoveredAt is not { } recoveredAt)
        {
            return Decide(recorded);
        }

        var note = Text($"Recovered at {recoveredAt:u} after an outage of {DurationText.Describe(recoveredAt - open.FirstFailureAt)} (since {open.FirstFailureAt:u}), before this incident was recorded.");
        var slot = target.SlotOf(now);
        return policy.AutoResolve
            ? Decide(recorded with { IncidentResolved = true }, new ResolveIncident(ticketId, note, Key(target, open.OutageNumber, open.FirstFailureAt, "resolve", slot)))
            : Decide(recorded, new AddIncidentNote(ticketId, note, Key(target, open.OutageNumber, open.FirstFailureAt, "recovered", slot), OutageOngoing: false));
    }

    /// <summary>
    /// The incident <paramref name="ticketId"/> could not take an update because someone closed it, and a closed ticket
    /// is never worked again. While the outage it was for goes on, it is replaced: a new outage number and a new open,
    /// so the outage gets an urgent ticket (and its page) of its own. Nothing changes when the state has moved on.
    /// </summary>
    public static OutageDecision IncidentClosed(MonitoredTarget target, TargetState state, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);

        if (!state.InOutage || !string.Equals(state.IncidentId, ticketId, StringComparison.Ordinal))
        {
            return OutageDecision.AlreadyCounted(state);
        }

        var replaced = state with { OutageCount = state.OutageCount + 1, IncidentId = null, IncidentResolved = false };
        var detail = Text(
            $"{Describe(target)} has been failing since {replaced.OutageStartedAt!.Value:u} ({state.ConsecutiveFailures} consecutive failed probes); its incident {ticketId} was closed, so this one replaces it.");
        return Decide(replaced, OpenAction(target, replaced, detail));
    }

    private OutageDecision Failed(MonitoredTarget target, TargetState state, ProbeResult result, bool inMaintenance)
    {
        var now = result.CheckedAt;
        var failingSince = state.FailingSince ?? now;
        state = state with
        {
            ConsecutiveFailures = state.ConsecutiveFailures + 1,
            FailingSince = failingSince,
            ConsecutiveSuccesses = 0,
            RecoveringSince = null,
        };

        if (state.InOutage)
        {
            return StillFailing(target, state, result);
        }

        // Planned work: the failures are on record, and the streak goes on counting, but nobody is paged for it.
        if (state.ConsecutiveFailures < target.FailureThreshold || inMaintenance)
        {
            return Decide(state);
        }

        var outageStarted = state with { OutageStartedAt = failingSince, LastNoteAt = now };
        if (state.IncidentId is { } incident && state.RecoveredAt is { } recoveredAt && failingSince - recoveredAt <= policy.ReopenWindow)
        {
            var note = Text(
                $"Failing again {DurationText.Describe(failingSince - recoveredAt)} after recovering: {state.ConsecutiveFailures} consecutive failed probes since {failingSince:u}. {result.Outcome.Detail}");
            var key = Key(target, state.OutageCount, outageStarted.OutageStartedAt!.Value, "relapse", result.Slot);
            IncidentAction action = state.IncidentResolved
                ? new ReopenIncident(incident, note, key)
                : new AddIncidentNote(incident, note, key, OutageOngoing: true);
            return Decide(outageStarted with { IncidentResolved = false, RecoveredAt = null }, action);
        }

        var outageNumber = state.OutageCount + 1;
        var opened = outageStarted with
        {
            OutageCount = outageNumber,
            IncidentId = null,
            IncidentResolved = false,
            RecoveredAt = null,
        };
        return Decide(opened, OpenAction(target, opened, FailureDetail(target, opened, result)));
    }

    private OutageDecision StillFailing(MonitoredTarget target, TargetState state, ProbeResult result)
    {
        // The open was decided but its ticket id never came back (a crash or a failed call): ask again with the same
        // idempotency key, which returns the ticket the first call created, if any.
        if (state.IncidentId is null)
        {
            return Decide(state, OpenAction(target, state, FailureDetail(target, state, result)));
        }

        var now = result.CheckedAt;
        if (state.LastNoteAt is { } lastNote && now - lastNote < policy.NoteInterval)
        {
            return Decide(state);
        }

        var note = Text(
            $"Still failing after {DurationText.Describe(now - state.OutageStartedAt!.Value)} ({state.ConsecutiveFailures} consecutive failed probes). {result.Outcome.Detail}");
        return Decide(
            state with { LastNoteAt = now },
            new AddIncidentNote(state.IncidentId, note, Key(target, state.OutageCount, state.OutageStartedAt!.Value, "note", result.Slot), OutageOngoing: true));
    }

    private OutageDecision Succeeded(MonitoredTarget target, TargetState state, ProbeResult result)
    {
        var successes = state.ConsecutiveSuccesses + 1;
        var recoveringSince = state.RecoveringSince ?? result.CheckedAt;
        if (!state.InOutage)
        {
            return Decide(state with { ConsecutiveFailures = 0, FailingSince = null, ConsecutiveSuccesses = successes, RecoveringSince = null });
        }

        if (successes < target.RecoveryThreshold)
        {
            // Not yet confirmed: the outage (and its incident) stays until the threshold's successes in a row. A failure
            // before then starts the count again; the outage never ended, so that failure neither opens nor reopens.
            var confirming = state with { ConsecutiveSuccesses = successes, RecoveringSince = recoveringSince };
            return state.IncidentId is null
                ? Decide(confirming, OpenAction(target, confirming, FailureDetail(target, confirming, result)))
                : Decide(confirming);
        }

        // The outage ended at the first success of the confirming streak, which is also when the target came back.
        var now = recoveringSince;
        var started = state.OutageStartedAt!.Value;
        var healthy = state with { ConsecutiveFailures = 0, FailingSince = null, ConsecutiveSuccesses = successes, RecoveringSince = null };
        var recovered = healthy with { OutageStartedAt = null, LastNoteAt = null, RecoveredAt = now };
        if (state.IncidentId is not { } incident)
        {
            // The open was decided but its ticket id never came back, and no run during the outage got it either. Ask
            // once more with the same key: it returns the ticket the first call created (or creates it, so the outage is
            // on record), and recording it after this recovery resolves it.
            var detail = Text(
                $"{Describe(target)} failed {state.ConsecutiveFailures} consecutive probes from {started:u} and recovered at {now:u}. {result.Outcome.Detail}");
            return Decide(recovered, OpenAction(target, state, detail));
        }

        var confirmed = target.RecoveryThreshold > 1 ? Text($", confirmed by {successes} successful checks in a row") : "";
        var note = Text($"Recovered at {now:u} after an outage of {DurationText.Describe(now - started)} (since {started:u}){confirmed}. {result.Outcome.Detail}");
        return policy.AutoResolve
            ? Decide(recovered with { IncidentResolved = true }, new ResolveIncident(incident, note, Key(target, state.OutageCount, started, "resolve", result.Slot)))
            : Decide(recovered, new AddIncidentNote(incident, note, Key(target, state.OutageCount, started, "recovered", result.Slot), OutageOngoing: false));
    }

    private static OpenIncident OpenAction(MonitoredTarget target, TargetState state, string detail)
    {
        var started = state.OutageStartedAt!.Value;
        // Keyed by the outage, not by the run: every retry of this open, from any run, names the same ticket.
        return new OpenIncident(state.OutageCount, started, detail, Text($"monitoring|{target.Name}|outage-{state.OutageCount}|{started:yyyyMMddTHHmmss}"));
    }

    private static string FailureDetail(MonitoredTarget target, TargetState state, ProbeResult result) =>
        Text(
            $"{Describe(target)} failed {state.ConsecutiveFailures} consecutive probes since {state.OutageStartedAt!.Value:u} (threshold {target.FailureThreshold}). Last result: {result.Outcome.Detail}");

    private static string Describe(MonitoredTarget target) => target.Kind == ProbeKind.Heartbeat
        ? Text($"{target.Name} (heartbeat)")
        : Text($"{target.Name} ({EnumText.Of(target.Kind)} {target.Url})");

    private static string Key(MonitoredTarget target, int outage, DateTimeOffset started, string what, DateTimeOffset slot) =>
        Text($"monitoring|{target.Name}|outage-{outage}|{started:yyyyMMddTHHmmss}|{what}-{slot:yyyyMMddTHHmmss}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static OutageDecision Decide(TargetState state, params IncidentAction[] actions) => new(state, actions, Counted: true);
}
