namespace InfoFloPay.Domain.Sla;

/// <summary>A target whose due time passed before it was met.</summary>
public sealed record SlaBreach(SlaTargetKind Target, DateTimeOffset At);
