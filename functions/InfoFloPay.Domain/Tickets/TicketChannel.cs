namespace InfoFloPay.Domain.Tickets;

public enum TicketChannel
{
    Portal,
    Email,
    Api,
    Monitoring,
}
