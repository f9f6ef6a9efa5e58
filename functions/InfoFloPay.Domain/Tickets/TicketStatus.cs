namespace InfoFloPay.Domain.Tickets;

public enum TicketStatus
{
    New,
    Open,
    Pending,
    Resolved,
    Closed,
}
