namespace InfoFloPay.Domain.Monitoring;

/// <summary>A target as a manager typed it: every field may be missing or wrong until validated.</summary>
public sealed record TargetDraft(
    string? Name,
    string? Kind,
    string? Url,
    int? ExpectedStatus,
    int? TimeoutSeconds,
    string? BodyContains,
    int? FailureThreshold,
    string? CustomerId,
    int? IntervalSeconds = null,
    int? RecoveryThreshold = null,
    bool? Public = null,
    int? GraceSeconds = null);
