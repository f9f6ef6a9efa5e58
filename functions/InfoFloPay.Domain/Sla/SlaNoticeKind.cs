namespace InfoFloPay.Domain.Sla;

/// <summary>What the sweep tells the assignee and the Operations Manager: a due time is near, or it has passed.</summary>
public enum SlaNoticeKind
{
    Warning,
    Breach,
}
