namespace InfoFloPay.Domain.Sla;

/// <summary>The ticket priorities the SLA policy has targets for (same names as the ticket's <c>priority</c>).</summary>
public enum SlaPriority
{
    Urgent,
    High,
    Medium,
    Low,
}
