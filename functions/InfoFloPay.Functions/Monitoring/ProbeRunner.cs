using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Operations.Telemetry;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// One probe run: probes every target that is due at once, each within its own timeout, so a hanging target delays only
/// itself; then applies each result to its target's state and incident. A target is due when the slot of its own interval
/// that now falls in is later than the last slot it was counted for, so the timer may fire as often as the shortest
/// interval needs (and early or late) without a target being probed more than once per slot. One target's storage or
/// ticket failure is logged and does not stop the others. A target a maintenance window covers at the run's instant is
/// probed and recorded as usual, but its failures open no incident (<see cref="OutageTracker.Evaluate"/>).
/// </summary>
internal sealed class ProbeRunner(
    MonitoringTargetStore targets,
    TargetStateStore states,
    IEnumerable<ITargetProber> probers,
    ProbeResultRecorder recorder,
    IncidentDispatcher dispatcher,
    MaintenanceSchedule maintenance,
    TimeProvider clock,
    ILogger<ProbeRunner> logger,
    HelpdeskMetrics? metrics = null)
{
    private readonly Dictionary<ProbeKind, ITargetProber> _probers = probers.ToDictionary(p => p.Kind);

    public async Task<IReadOnlyList<TargetProbeReport>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await targets.ListAsync(cancellationToken).ConfigureAwait(false);

        // The windows are read at most once per run (a handful of rows), by the first target found due, and every target
        // is asked about at the run's instant. Most timer runs find nothing due (the timer fires at the shortest interval),
        // and those read no windows.
        var calendar = new Lazy<Task<MaintenanceCalendar>>(() => maintenance.CalendarAsync(cancellationToken));
        var reports = (await Task.WhenAll(all.Select(target => ProbeIfDueAsync(target, now, calendar, cancellationToken))).ConfigureAwait(false))
            .OfType<TargetProbeReport>()
            .ToList();

        // Every 10 s around the clock: a run that probed nothing is not worth a line at Information.
        logger.Log(
            reports.Count > 0 ? LogLevel.Information : LogLevel.Debug,
            "Probe run at {Now}: {Due} of {Targets} targets due, {Failing} failing", now, reports.Count, all.Count, reports.Count(r => !r.Result.Succeeded));
        return reports;
    }

    private async Task<TargetProbeReport?> ProbeIfDueAsync(MonitoredTarget target, DateTimeOffset now, Lazy<Task<MaintenanceCalendar>> calendar, CancellationToken cancellationToken)
    {
        // Leave the caller's loop at once, so a prober that does synchronous work before its first await (name
        // resolution, say) cannot hold up the start of the other probes.
        await Task.Yield();
        var slot = target.SlotOf(now);
        try
        {
            // Only a hint: the recorder decides again on the ETag-conditioned write, so two runs that both see the slot
            // as due still count it once.
            var stored = await states.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
            if (stored.State.LastCountedSlot is { } counted && counted >= slot)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reading the state of {Target} for slot {Slot} failed", target.Name, slot);
            return null;
        }

        bool inMaintenance;
        try
        {
            inMaintenance = (await calendar.Value.ConfigureAwait(false)).Covers(target.Name, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the windows a failure could open an incident a window was meant to hold back; the slot stays
            // uncounted, so the next run probes it.
            logger.LogError(ex, "Reading the maintenance windows for the probe of {Target} for slot {Slot} failed", target.Name, slot);
            return null;
        }

        return await ProbeAndRecordAsync(target, slot, inMaintenance, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TargetProbeReport> ProbeAndRecordAsync(MonitoredTarget target, DateTimeOffset slot, bool inMaintenance, CancellationToken cancellationToken)
    {
        var outcome = await ProbeAsync(target, cancellationToken).ConfigureAwait(false);
        var result = new ProbeResult(slot, clock.GetUtcNow(), outcome);
        if (!result.Succeeded)
        {
            metrics?.ProbeFailed(EnumText.Of(target.Kind), target.Name);
        }

        try
        {
            var decision = await recorder.RecordAsync(target, result, inMaintenance, cancellationToken).ConfigureAwait(false);
            await dispatcher.DispatchAsync(target, decision.Actions, cancellationToken).ConfigureAwait(false);
            return new TargetProbeReport(target.Name, result, decision.Counted, decision.Actions);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage or the ticket service failed for this target only; the others carry on. The next run retries:
            // an open whose ticket id was never recorded is asked for again with the same idempotency key.
            logger.LogError(ex, "Recording the probe of {Target} for slot {Slot} failed", target.Name, slot);
            return new TargetProbeReport(target.Name, result, Counted: false, []);
        }
    }

    private async Task<ProbeOutcome> ProbeAsync(MonitoredTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return await _probers[target.Kind].ProbeAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, the target did not prove healthy; counting it as a failure keeps the run going.
            logger.LogWarning(ex, "Probe of {Target} threw", target.Name);
            return ProbeOutcome.Failure(null, TimeSpan.Zero, $"Probe error: {ex.Message}");
        }
    }
}

/// <summary>What a run did for one target: the result, whether it counted, and the incident actions carried out.</summary>
internal sealed record TargetProbeReport(string Target, ProbeResult Result, bool Counted, IReadOnlyList<IncidentAction> Actions);
