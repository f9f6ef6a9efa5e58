namespace InfoFloPay.Domain.Tickets;

/// <summary>Declared most urgent first, so the numeric value is the triage-queue rank.</summary>
public enum TicketPriority
{
    Urgent,
    High,
    Medium,
    Low,
}
