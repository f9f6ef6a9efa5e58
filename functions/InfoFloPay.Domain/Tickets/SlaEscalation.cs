using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// What the SLA sweep does to one due ticket: each warning and breach now due becomes a timeline event (which the ticket
/// store turns into an <c>sla.warning</c> / <c>sla.breached</c> message), its key is recorded on the ticket so that no
/// later sweep sends it again, and the ticket's SLA (breaches, next checkpoint) is brought up to date.
/// </summary>
public sealed class SlaEscalation(PolicySla sla)
{
    /// <summary>The change to store, or null when there is nothing to do (another sweep got there first, or the ticket
    /// moved on since it was indexed).</summary>
    public TicketChange? Escalate(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sent = ticket.SentSlaNotices.ToHashSet(StringComparer.Ordinal);
        var state = sla.Measure(ticket, now);
        IReadOnlyList<SlaNotice> notices = ticket.Status == TicketStatus.Closed ? [] : SlaEscalationPlanner.NoticesDue(state, now, sent);
        var recorded = ticket with { SentSlaNotices = [.. ticket.SentSlaNotices, .. notices.Select(notice => notice.Key)] };
        recorded = recorded with { Sla = PolicySla.Evaluate(recorded, state) };
        if (notices.Count == 0 && SameSla(ticket.Sla, recorded.Sla))
        {
            return null;
        }

        var events = new TicketEventWriter(ticket, SlaMilestones.Engine, now);
        foreach (var notice in notices)
        {
            events.Add(
                notice.Kind == SlaNoticeKind.Warning ? TicketEventKind.SlaWarning : TicketEventKind.SlaBreached,
                EventVisibility.Internal,
                e => e with { Channel = SlaMilestones.TargetName(notice.Target), DueAt = notice.DueAt, Priority = ticket.Priority, Assignee = ticket.Assignee });
        }

        return events.Finish(recorded);
    }

    private static bool SameSla(TicketSla a, TicketSla b) =>
        a.Tier == b.Tier && a.FirstResponseDueAt == b.FirstResponseDueAt && a.ResolutionDueAt == b.ResolutionDueAt
        && a.Paused == b.Paused && a.NextCheckpointAt == b.NextCheckpointAt && a.Breaches.SequenceEqual(b.Breaches);
}
