using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Routing;

/// <summary>
/// What routing does to a ticket, with the <c>routed</c> timeline event that says so and why (internal: customers do not
/// see who is suggested). Assigning is a triage by the router, so it changes the ticket exactly as a person's would.
/// </summary>
public static class TicketRouting
{
    /// <summary>Suggests <paramref name="choice"/> for a person to confirm; status and owner are left alone.</summary>
    public static TicketChange Suggest(Ticket ticket, RoutingChoice choice, Caller router, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(choice);
        var events = new TicketEventWriter(ticket, router, now);
        events.Add(TicketEventKind.Routed, EventVisibility.Internal, e => e with
        {
            Assignee = choice.Email,
            Channel = EnumText.Of(RoutingMode.Suggest),
            Note = $"Suggested {choice.Email}: {choice.Reason}.",
        });
        return events.Finish(ticket with { SuggestedAssignee = choice.Email, UpdatedAt = now });
    }

    /// <summary>Assigns <paramref name="choice"/> through the triage move (priority kept, <c>new → open</c>), then says it was routed.</summary>
    public static TicketChange Assign(Ticket ticket, RoutingChoice choice, Caller router, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(choice);
        return TicketLifecycle.Triage(ticket, ticket.Priority, choice.Email, router, now).Then(triaged =>
        {
            var events = new TicketEventWriter(triaged, router, now);
            events.Add(TicketEventKind.Routed, EventVisibility.Internal, e => e with
            {
                Assignee = choice.Email,
                Channel = EnumText.Of(RoutingMode.Auto),
                Note = $"Assigned to {choice.Email}: {choice.Reason}.",
            });
            return events.Finish(triaged);
        });
    }

    /// <summary>Routing of <paramref name="ticket"/> for an agent who went away: in suggest mode a new suggestion, in auto mode
    /// a reassignment; the note names the agent who went away.</summary>
    public static TicketChange Reroute(Ticket ticket, string awayAgent, RoutingChoice choice, RoutingMode mode, Caller router, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var because = choice with { Reason = $"{awayAgent} is away; {choice.Reason}" };
        return mode == RoutingMode.Auto ? Assign(ticket, because, router, now) : Suggest(ticket, because, router, now);
    }

    /// <summary>
    /// A note that routing found nobody, keyed by <paramref name="eventId"/> so a redelivered message records it once
    /// (it changes nothing else, so it is appended on its own rather than numbered in the ticket's sequence).
    /// </summary>
    public static TicketEvent NobodyAvailable(Ticket ticket, string eventId, string note, RoutingMode mode, Caller router, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(router);
        return new TicketEvent
        {
            Id = eventId,
            TicketId = ticket.Id,
            Kind = TicketEventKind.Routed,
            Visibility = EventVisibility.Internal,
            OccurredAt = now,
            Actor = new EventActor(router.Email, router.Name, EnumText.Of(router.Role)),
            Channel = EnumText.Of(mode),
            Note = note,
        };
    }
}
