using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// The ticket as its list rows carry it, and as a list shows it again. A list row leaves out what only the ticket's own row
/// needs (the description, the notices sent, the event count, the next checkpoint) and the breach of a clock still running,
/// which a reader can tell from that clock's due time alone: <see cref="SlaClock"/> breaches a running clock once now reaches
/// its due time. So recording an SLA warning or breach leaves the list rows as they are, and the change rewrites only the
/// ticket row, its due-time, standing and report rows (docs/tickets.md, "What a change rewrites").
/// </summary>
public static class TicketListView
{
    /// <summary>What the list rows store of <paramref name="ticket"/>: a pure function of it, so two tickets with the same
    /// view have the same list rows.</summary>
    public static Ticket Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket with
        {
            Description = string.Empty,
            SentSlaNotices = [],
            EventCount = 0,
            Sla = ticket.Sla with
            {
                NextCheckpointAt = null,
                Breaches = [.. ticket.Sla.Breaches.Where(breach => !(RunningDueAt(ticket, breach.Target) is { } due && breach.At == due))],
            },
        };
    }

    /// <summary>A ticket read from a list row, its breaches as of <paramref name="now"/>: the stored ones, and each running
    /// clock whose due time has come, in the order <see cref="SlaState.Breaches"/> gives them.</summary>
    public static Ticket AsOf(Ticket listed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var breaches = new List<SlaBreach>(2);
        foreach (var target in (ReadOnlySpan<SlaTargetKind>)[SlaTargetKind.FirstResponse, SlaTargetKind.Resolution])
        {
            if (listed.Sla.Breaches.FirstOrDefault(breach => breach.Target == target) is { } stored)
            {
                breaches.Add(stored);
            }
            else if (RunningDueAt(listed, target) is { } due && now >= due)
            {
                breaches.Add(new SlaBreach(target, due));
            }
        }

        return breaches.SequenceEqual(listed.Sla.Breaches) ? listed : listed with { Sla = listed.Sla with { Breaches = breaches } };
    }

    /// <summary>The due time of the ticket's <paramref name="target"/> clock while it runs; null once it stopped (first
    /// response: the first public staff reply; both: resolving or closing), or while paused before reaching it.</summary>
    private static DateTimeOffset? RunningDueAt(Ticket ticket, SlaTargetKind target) => target switch
    {
        _ when !ticket.IsOpen => null,
        SlaTargetKind.FirstResponse => ticket.FirstRespondedAt is null ? ticket.Sla.FirstResponseDueAt : null,
        _ => ticket.Sla.ResolutionDueAt,
    };
}
