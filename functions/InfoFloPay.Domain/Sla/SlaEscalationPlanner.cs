namespace InfoFloPay.Domain.Sla;

/// <summary>
/// Decides which SLA notices are due for a ticket and when the sweep next has to look at it.
/// A notice whose key is already recorded as sent is never planned again; once a breach is due the warning for the same
/// clock is skipped, since it would only announce what already happened.
/// </summary>
public static class SlaEscalationPlanner
{
    public static IReadOnlyList<SlaNotice> NoticesDue(SlaState state, DateTimeOffset now, IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alreadySent);
        var due = new List<SlaNotice>();
        foreach (var clock in state.Clocks)
        {
            var breachKey = clock.NoticeKey(SlaNoticeKind.Breach);
            if (alreadySent.Contains(breachKey))
            {
                continue;
            }

            if (clock.BreachedAt is { } breachedAt && breachedAt <= now)
            {
                due.Add(new SlaNotice(clock.Target, SlaNoticeKind.Breach, breachKey, breachedAt, clock.DueAt));
                continue;
            }

            var warningKey = clock.NoticeKey(SlaNoticeKind.Warning);
            if (clock.Running && clock.WarningAt is { } warningAt && warningAt <= now && !alreadySent.Contains(warningKey))
            {
                due.Add(new SlaNotice(clock.Target, SlaNoticeKind.Warning, warningKey, warningAt, clock.DueAt));
            }
        }

        return due;
    }

    /// <summary>
    /// The earliest instant at which <see cref="NoticesDue"/> can return something not yet sent, or null when nothing is
    /// pending (all clocks stopped, paused, or already escalated). The ticket's due-time index entry should hold this value;
    /// recompute it after every change to the ticket and after the sweep records a notice as sent.
    /// </summary>
    public static DateTimeOffset? NextCheckpoint(SlaState state, IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alreadySent);
        DateTimeOffset? next = null;
        foreach (var clock in state.Clocks)
        {
            if (alreadySent.Contains(clock.NoticeKey(SlaNoticeKind.Breach)))
            {
                continue;
            }

            DateTimeOffset? candidate = clock.BreachedAt
                ?? (!clock.Running ? null
                    : clock.WarningAt is { } warningAt && !alreadySent.Contains(clock.NoticeKey(SlaNoticeKind.Warning)) ? warningAt
                    : clock.DueAt);
            if (candidate is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
