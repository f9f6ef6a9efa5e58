using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The ticket state machine. Each operation checks who may make the move, returns the changed ticket and the
/// timeline events describing it; callers have already established that the caller may see the ticket.
/// </summary>
public static class TicketLifecycle
{
    public static TicketChange Open(string id, NewTicket draft, string tier, Caller caller, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            Id = id,
            CustomerId = draft.CustomerId,
            Requester = draft.Requester,
            Subject = draft.Subject,
            Description = draft.Description,
            Category = draft.Category,
            Channel = draft.Channel,
            Status = TicketStatus.New,
            Priority = draft.Priority,
            CreatedAt = now,
            UpdatedAt = now,
            Sla = new TicketSla { Tier = tier },
        };
        var events = new TicketEventWriter(ticket, caller, now);
        events.Add(TicketEventKind.Created, EventVisibility.Public, e => e with { Priority = draft.Priority, Channel = EnumText.Of(draft.Channel) });
        return events.Finish(ticket);
    }

    public static TicketChange Triage(Ticket ticket, TicketPriority priority, string? assignee, Caller caller, DateTimeOffset now)
    {
        if (!TicketPermissions.MayTriage(caller))
        {
            throw RequestRejectedException.Forbidden("Only support staff triage tickets.");
        }

        if (!ticket.IsOpen)
        {
            throw RequestRejectedException.Conflict($"Ticket {ticket.Id} is {EnumText.Of(ticket.Status)}; only new, open or pending tickets are triaged.");
        }

        var changed = ticket with
        {
            Priority = priority,
            Assignee = assignee,
            Status = ticket.Status == TicketStatus.New ? TicketStatus.Open : ticket.Status,
            UpdatedAt = now,
        };
        var events = new TicketEventWriter(ticket, caller, now);
        events.Add(TicketEventKind.Triaged, EventVisibility.Public, e => e with
        {
            Priority = priority,
            FromPriority = ticket.Priority,
            FromStatus = ticket.Status,
            ToStatus = changed.Status,
        });
        if (!string.Equals(ticket.Assignee, assignee, StringComparison.OrdinalIgnoreCase))
        {
            events.Add(TicketEventKind.Assigned, EventVisibility.Internal, e => e with { Assignee = assignee });
        }

        return events.Finish(changed);
    }

    public static TicketChange Reply(Ticket ticket, string body, bool isInternal, Caller caller, DateTimeOffset now) =>
        Answer(ticket, body, isInternal, caller, now, author: null);

    /// <summary>
    /// Mail from the requester of a ticket no customer account vouches for, which <paramref name="relay"/> (the desk) keeps
    /// as an internal note: only staff can tell whether the sender is who they say. It is still the requester answering,
    /// so the note is recorded as theirs (a customer's) and a pending or resolved ticket reopens as on any customer reply.
    /// </summary>
    public static TicketChange RequesterNote(Ticket ticket, string body, Caller relay, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var requester = new EventActor(ticket.Requester.Email, ticket.Requester.Name, EnumText.Of(CallerRole.Customer));
        return Answer(ticket, body, isInternal: true, relay, now, requester);
    }

    /// <summary>A reply by <paramref name="caller"/>, or, with <paramref name="author"/>, by the customer it writes for.</summary>
    private static TicketChange Answer(Ticket ticket, string body, bool isInternal, Caller caller, DateTimeOffset now, EventActor? author)
    {
        if (isInternal && !TicketPermissions.MayWriteInternal(caller))
        {
            throw RequestRejectedException.Forbidden("Only support staff write internal notes.");
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            throw RequestRejectedException.Conflict($"Ticket {ticket.Id} is closed; open a new ticket instead.");
        }

        var byCustomer = author is not null || !caller.IsStaff;
        var firstResponse = !byCustomer && !isInternal && ticket.FirstRespondedAt is null;
        var reopens = byCustomer && ticket.Status is TicketStatus.Pending or TicketStatus.Resolved;
        var changed = (reopens ? Moved(ticket, TicketStatus.Open, now) : ticket) with
        {
            FirstRespondedAt = firstResponse ? now : ticket.FirstRespondedAt,
            UpdatedAt = now,
        };
        var events = new TicketEventWriter(ticket, caller, now);
        events.Add(TicketEventKind.Reply, isInternal ? EventVisibility.Internal : EventVisibility.Public, e => e with
        {
            Actor = author ?? e.Actor,
            Body = body,
            FirstResponse = firstResponse ? true : null,
        });
        if (reopens)
        {
            events.Add(TicketEventKind.Status, EventVisibility.Public, e => e with { FromStatus = ticket.Status, ToStatus = TicketStatus.Open });
        }

        return events.Finish(changed);
    }

    public static TicketChange ChangeStatus(Ticket ticket, TicketStatus to, string? note, Caller caller, DateTimeOffset now)
    {
        if (!TicketStatusGraph.Allows(ticket.Status, to))
        {
            throw RequestRejectedException.Conflict(
                $"Ticket {ticket.Id} cannot move from {EnumText.Of(ticket.Status)} to {EnumText.Of(to)}.");
        }

        if (!TicketPermissions.MayMove(caller, ticket, to))
        {
            throw RequestRejectedException.Forbidden("Customers may only close or reopen their own resolved tickets.");
        }

        var changed = Moved(ticket, to, now);
        var events = new TicketEventWriter(ticket, caller, now);
        events.Add(TicketEventKind.Status, EventVisibility.Public, e => e with { FromStatus = ticket.Status, ToStatus = to, Note = note });
        return events.Finish(changed);
    }

    /// <summary>
    /// The status move itself: resolved/closed times, a reopen (which restarts the SLA resolution clock), and the
    /// pending pauses the SLA clocks stand still in.
    /// </summary>
    private static Ticket Moved(Ticket ticket, TicketStatus to, DateTimeOffset now)
    {
        var pauses = ticket.Pauses.ToList();
        if (ticket.Status == TicketStatus.Pending && pauses is [.., { End: null } open])
        {
            pauses[^1] = open with { End = now };
        }

        if (to == TicketStatus.Pending)
        {
            pauses.Add(new SlaPause(now, null));
        }

        var reopened = ticket.Status is TicketStatus.Resolved or TicketStatus.Closed && to == TicketStatus.Open;
        return ticket with
        {
            Status = to,
            ResolvedAt = to switch
            {
                TicketStatus.Resolved => now,
                TicketStatus.Open => null,
                _ => ticket.ResolvedAt,
            },
            ClosedAt = to == TicketStatus.Closed ? now : null,
            ReopenedAt = reopened ? now : ticket.ReopenedAt,
            Pauses = pauses,
            UpdatedAt = now,
        };
    }
}
