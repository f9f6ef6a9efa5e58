using System.Globalization;

namespace InfoFloPay.Domain.Sla;

/// <summary>
/// Computes a ticket's SLA from its timeline and the policy.
/// First response runs from creation until the first public staff reply; resolution runs from creation (or the last reopen)
/// until resolved. Time spent in <c>pending</c> is not counted on the row's calendar, which pushes the due times out.
/// </summary>
public sealed class SlaClock(SlaPolicy policy)
{
    public const string FirstResponseCycle = "firstResponse";
    public const string ResolutionCycle = "resolution";

    public SlaState Evaluate(SlaTimeline timeline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var targets = policy.TargetsFor(timeline.Tier, timeline.Priority);
        var calendar = policy.CalendarFor(targets.Calendar);
        var pauses = Normalize(timeline.Pauses ?? []);
        var resolvedAt = timeline.ResolvedAt;
        if (resolvedAt is { } resolved && timeline.ReopenedAt is { } reopened && resolved < reopened)
        {
            // A resolution from before the last reopen no longer stops anything.
            resolvedAt = null;
        }

        var reply = timeline.FirstPublicStaffReplyAt;
        var firstResponseStop = Earliest(reply, resolvedAt);
        var firstResponse = Measure(
            SlaTargetKind.FirstResponse,
            FirstResponseCycle,
            timeline.CreatedAt,
            targets.FirstResponse,
            targets.WarningLead,
            firstResponseStop,
            // Resolving without a public reply stops the clock but does not meet the first-response target.
            metBy: reply is not null && reply == firstResponseStop ? reply : null,
            calendar,
            pauses,
            now);

        SlaTargetState? resolution = null;
        if (targets.Resolution is { } resolutionTarget)
        {
            var reopenedAt = timeline.ReopenedAt is { } r && r > timeline.CreatedAt ? r : (DateTimeOffset?)null;
            var cycle = reopenedAt is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"{ResolutionCycle}@{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}")
                : ResolutionCycle;
            resolution = Measure(
                SlaTargetKind.Resolution,
                cycle,
                reopenedAt ?? timeline.CreatedAt,
                resolutionTarget,
                targets.WarningLead,
                resolvedAt,
                metBy: resolvedAt,
                calendar,
                pauses,
                now);
        }

        var paused = pauses.Count > 0 && pauses[^1].End is null;
        return new SlaState(timeline.Tier, timeline.Priority, targets, paused, firstResponse, resolution);
    }

    private static SlaTargetState Measure(
        SlaTargetKind kind,
        string cycle,
        DateTimeOffset start,
        TimeSpan target,
        TimeSpan warningLead,
        DateTimeOffset? stop,
        DateTimeOffset? metBy,
        IWorkCalendar calendar,
        IReadOnlyList<SlaPause> pauses,
        DateTimeOffset now)
    {
        var counted = PausesWhileRunning(pauses, start, stop);
        var dueAt = ReachedAt(calendar, start, target, counted);
        var warningAt = warningLead > TimeSpan.Zero && warningLead < target
            ? ReachedAt(calendar, start, target - warningLead, counted)
            : null;

        // A stopped clock has no open pause left (it was clipped at the stop), so a stopped clock always has a due time.
        DateTimeOffset? metAt = metBy is { } met && dueAt is { } due && met <= due ? met : null;

        DateTimeOffset? breachedAt = dueAt is { } d && metAt is null && (stop is { } s ? s > d : now >= d) ? d : null;
        var paused = stop is null && dueAt is null;
        return new SlaTargetState(kind, cycle, start, warningAt, dueAt, stop, metAt, breachedAt, paused)
        {
            // The counted pauses are merged and clipped to the run, so their working time subtracts without overlap.
            Elapsed = stop is { } end
                ? calendar.BusinessTimeBetween(start, end) - counted.Aggregate(TimeSpan.Zero, (sum, pause) => sum + calendar.BusinessTimeBetween(pause.Start, pause.End ?? end))
                : null,
        };
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of calendar time has run after <paramref name="start"/>, not counting the
    /// pauses; null when a still-open pause begins before it is reached.
    /// </summary>
    private static DateTimeOffset? ReachedAt(IWorkCalendar calendar, DateTimeOffset start, TimeSpan amount, IReadOnlyList<SlaPause> pauses)
    {
        var cursor = start;
        var remaining = amount;
        foreach (var pause in pauses)
        {
            var runsUntil = pause.Start > cursor ? pause.Start : cursor;
            var ran = calendar.BusinessTimeBetween(cursor, runsUntil);
            if (ran >= remaining)
            {
                break;
            }

            remaining -= ran;
            if (pause.End is not { } end)
            {
                return null;
            }

            cursor = end > cursor ? end : cursor;
        }

        return calendar.AddBusinessTime(cursor, remaining);
    }

    /// <summary>The pauses that overlap the clock's run, clipped to it; a pause still open when the clock stopped ends there.</summary>
    private static List<SlaPause> PausesWhileRunning(IReadOnlyList<SlaPause> pauses, DateTimeOffset start, DateTimeOffset? stop)
    {
        var clipped = new List<SlaPause>();
        foreach (var pause in pauses)
        {
            if ((pause.End is { } end && end <= start) || (stop is { } s && pause.Start >= s))
            {
                continue;
            }

            var from = pause.Start > start ? pause.Start : start;
            var to = stop is { } st && (pause.End is null || pause.End > st) ? st : pause.End;
            clipped.Add(new SlaPause(from, to));
        }

        return clipped;
    }

    /// <summary>Sorted, without empty stretches, overlapping ones merged, so the arithmetic can walk them in order.</summary>
    private static List<SlaPause> Normalize(IReadOnlyList<SlaPause> pauses)
    {
        var merged = new List<SlaPause>();
        foreach (var pause in pauses.Where(p => p.End is null || p.End > p.Start).OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.End is null || last.End >= pause.Start))
            {
                merged[^1] = last with { End = last.End is null || pause.End is null ? null : Latest(last.End, pause.End) };
                continue;
            }

            merged.Add(pause);
        }

        return merged;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
