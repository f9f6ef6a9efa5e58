namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The seam between the ticket lifecycle and the SLA engine: after every change the service asks for the ticket's
/// SLA state (targets, pause while pending, next checkpoint). The SLA feature supplies the real policy.
/// </summary>
public interface ISlaCalculator
{
    TicketSla Evaluate(Ticket ticket, DateTimeOffset now);
}
