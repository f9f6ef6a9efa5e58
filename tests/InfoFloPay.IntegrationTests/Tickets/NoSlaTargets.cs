using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>Keeps storage tests independent of the SLA policy: no due times, so no SLA index rows.</summary>
public sealed class NoSlaTargets : ISlaCalculator
{
    public TicketSla Evaluate(Ticket ticket, DateTimeOffset now) => ticket.Sla;
}
