using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Domain.Tickets;

/// <summary>Who may do what to a ticket. A caller that may not even see a ticket is told it does not exist.</summary>
public static class TicketPermissions
{
    public static bool MayRead(Caller caller, Ticket ticket) => caller.MaySee(ticket.CustomerId);

    /// <summary>Staff make any move the graph allows; the owner may only close or reopen its own resolved ticket.</summary>
    public static bool MayMove(Caller caller, Ticket ticket, TicketStatus to) =>
        caller.IsStaff
        || (MayRead(caller, ticket) && ticket.Status == TicketStatus.Resolved && to is TicketStatus.Closed or TicketStatus.Open);

    public static bool MayTriage(Caller caller) => caller.IsStaff;

    public static bool MayWriteInternal(Caller caller) => caller.IsStaff;

    /// <summary>Whoever may reply may attach: anyone who sees the ticket, while it is not closed.</summary>
    public static bool MayAttach(Caller caller, Ticket ticket) => MayRead(caller, ticket) && ticket.Status != TicketStatus.Closed;
}
