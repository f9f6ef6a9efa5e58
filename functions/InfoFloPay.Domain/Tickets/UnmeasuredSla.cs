namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The SLA state before an SLA policy is plugged in: it keeps the account's tier and pauses while the ticket is
/// pending, but sets no due times (so nothing is ever due). The SLA feature registers the real
/// <see cref="ISlaCalculator"/> in its place.
/// </summary>
public sealed class UnmeasuredSla : ISlaCalculator
{
    public TicketSla Evaluate(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Sla with { Paused = ticket.Status == TicketStatus.Pending };
    }
}
