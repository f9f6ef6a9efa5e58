namespace InfoFloPay.Domain.Sla;

/// <summary>The two commitments an SLA makes about a ticket.</summary>
public enum SlaTargetKind
{
    FirstResponse,
    Resolution,
}
