using System.Globalization;
using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Domain.Tickets;

/// <summary>Who is paged when: the first page's target, the escalation steps' targets in order, and how long each page
/// waits for an acknowledgement before the next step. After the last step the whole team is paged once more.</summary>
public sealed record PagingPlan(TimeSpan AcknowledgeWithin, IReadOnlyList<string> FirstTargets, IReadOnlyList<IReadOnlyList<string>> Steps);

/// <summary>How an acknowledgement came in, as the timeline's <c>acknowledged</c> event names it.</summary>
public static class AcknowledgedVia
{
    public const string Console = "console";
    public const string Link = "link";
    public const string Reply = "reply";
}

/// <summary>
/// The paging state machine of an urgent ticket: a ticket that becomes urgent is paged (timeline <c>paged</c>); until
/// someone acknowledges (<c>acknowledged</c>: the acknowledge route, the page's link, or a staff public reply) each
/// <see cref="PagingPlan.AcknowledgeWithin"/> pages the next escalation step (<c>escalated</c>), the last time the whole
/// team. The step is recorded on the ticket in the same ETag-conditional write as its event and outbox message, so each
/// step is decided once however many runs look at the ticket.
/// </summary>
public static class UrgentPaging
{
    /// <summary>The actor of paging's own events.</summary>
    public static readonly Caller Engine = Caller.System("Paging");

    /// <summary>The paging consequences of <paramref name="change"/> (whose ticket's SLA is already evaluated).</summary>
    /// <param name="before">The ticket before the change; null when the change creates it.</param>
    public static TicketChange Record(Ticket? before, TicketChange change, DateTimeOffset now, PagingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(plan);
        var after = change.Ticket;
        var paging = after.Paging;
        var events = new TicketEventWriter(after, Engine, now);
        var becameUrgent = after.Priority == TicketPriority.Urgent && after.IsOpen && before?.Priority != TicketPriority.Urgent;
        var cause = change.Events.FirstOrDefault(e => e.Kind is TicketEventKind.Created or TicketEventKind.Triaged);
        var staffReply = change.Events.FirstOrDefault(e =>
            e.Kind == TicketEventKind.Reply && e.Visibility == EventVisibility.Public && e.Actor.Role != EnumText.Of(CallerRole.Customer));
        if (becameUrgent && cause is not null && paging is not { IsAcknowledged: false, NextEscalationAt: not null })
        {
            paging = new TicketPaging { PageId = cause.Id, PagedAt = now, NextEscalationAt = now + plan.AcknowledgeWithin };
            events.Add(TicketEventKind.Paged, EventVisibility.Internal, e => e with { Recipients = plan.FirstTargets, Channel = "pager" });
        }
        else if (paging is { IsAcknowledged: false } && staffReply is not null)
        {
            paging = Acknowledged(paging, staffReply.Actor.Email, AcknowledgedVia.Reply, now);
            events.Add(TicketEventKind.Acknowledged, EventVisibility.Internal, e => e with { Actor = staffReply.Actor, Channel = AcknowledgedVia.Reply });
        }
        else if (paging is { IsAcknowledged: false, NextEscalationAt: not null } && !after.IsOpen)
        {
            // Resolved or closed unacknowledged: nobody needs waking any more.
            paging = paging with { NextEscalationAt = null };
        }

        if (paging == after.Paging)
        {
            return change;
        }

        var recorded = events.Finish(after with { Paging = paging });
        return new TicketChange(recorded.Ticket, [.. change.Events, .. recorded.Events]);
    }

    /// <summary>
    /// <paramref name="by"/> acknowledges the page: the escalation stops. A ticket already acknowledged is left as it is
    /// (an acknowledgement is idempotent); one never paged cannot be acknowledged (409).
    /// </summary>
    public static TicketChange Acknowledge(Ticket ticket, EventActor by, string via, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(by);
        if (ticket.Paging is not { } paging)
        {
            throw RequestRejectedException.Conflict($"Ticket {ticket.Id} was not paged; there is nothing to acknowledge.");
        }

        if (paging.IsAcknowledged)
        {
            return TicketChange.None(ticket);
        }

        var events = new TicketEventWriter(ticket, Engine, now);
        events.Add(TicketEventKind.Acknowledged, EventVisibility.Internal, e => e with { Actor = by, Channel = via });
        return events.Finish(ticket with { Paging = Acknowledged(paging, by.Email, via, now), UpdatedAt = now });
    }

    /// <summary>
    /// The next escalation step when it is due at <paramref name="now"/> and nobody acknowledged; null otherwise (already
    /// acknowledged, a step taken by another run, not due yet). <paramref name="team"/> is paged after the last step.
    /// The step is due <see cref="PagingPlan.AcknowledgeWithin"/> of <paramref name="plan"/> (the settings as they are
    /// now) after the last page, not at the instant stored when that page went out: after a restart with another
    /// <c>Paging__AcknowledgeWithin</c>, a step that is now due later is moved there (<c>escalation-rescheduled</c>,
    /// stored like any change, so the due-time index row and the due message move with it) and one now due earlier
    /// goes out at once.
    /// </summary>
    public static TicketChange? Escalate(Ticket ticket, DateTimeOffset now, PagingPlan plan, IReadOnlyList<string> team)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(team);
        if (ticket.Paging is not { IsAcknowledged: false, NextEscalationAt: { } stored } paging || !ticket.IsOpen)
        {
            return null;
        }

        // Rows written before EscalatedAt existed have no last-step instant: their stored instant stands.
        var due = (paging.EscalationStep == 0 ? paging.PagedAt : paging.EscalatedAt) is { } lastPagedAt ? lastPagedAt + plan.AcknowledgeWithin : stored;
        if (due > now)
        {
            return due == stored ? null : Rescheduled(ticket, paging, stored, due, now);
        }

        var step = paging.EscalationStep + 1;
        var final = step > plan.Steps.Count;
        var targets = final ? team : plan.Steps[step - 1];
        var events = new TicketEventWriter(ticket, Engine, now);
        events.Add(TicketEventKind.Escalated, EventVisibility.Internal, e => e with
        {
            Recipients = targets,
            Channel = "pager",
            DueAt = due,
            Note = final ? $"Not acknowledged after step {step - 1}: the whole team is paged." : $"Not acknowledged: escalation step {step} is paged.",
        });
        return events.Finish(ticket with
        {
            Paging = paging with { EscalationStep = step, EscalatedAt = now, NextEscalationAt = final ? null : now + plan.AcknowledgeWithin },
        });
    }

    private static TicketChange Rescheduled(Ticket ticket, TicketPaging paging, DateTimeOffset stored, DateTimeOffset due, DateTimeOffset now)
    {
        var step = paging.EscalationStep + 1;
        var events = new TicketEventWriter(ticket, Engine, now);
        events.Add(TicketEventKind.EscalationRescheduled, EventVisibility.Internal, e => e with
        {
            Channel = "pager",
            DueAt = due,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"The acknowledgement window changed: escalation step {step} moves from {stored:yyyy-MM-ddTHH:mm:ssZ} to {due:yyyy-MM-ddTHH:mm:ssZ}."),
        });
        return events.Finish(ticket with { Paging = paging with { NextEscalationAt = due } });
    }

    private static TicketPaging Acknowledged(TicketPaging paging, string by, string via, DateTimeOffset now) =>
        paging with { AcknowledgedAt = now, AcknowledgedBy = by, AcknowledgedVia = via, NextEscalationAt = null };
}
