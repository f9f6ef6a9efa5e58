namespace InfoFloPay.Functions.Monitoring;

/// <summary>The body of <c>PUT /api/monitoring/targets/{name}</c>; the name comes from the route.</summary>
internal sealed record TargetRequest(
    string? Url,
    string? Kind,
    int? ExpectedStatus,
    int? TimeoutSeconds,
    string? BodyContains,
    int? FailureThreshold,
    string? CustomerId,
    int? IntervalSeconds = null,
    int? RecoveryThreshold = null,
    bool? Public = null,
    int? GraceSeconds = null);
