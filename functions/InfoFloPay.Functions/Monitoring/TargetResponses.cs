using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A target definition as the API shows it.</summary>
internal sealed record TargetResponse(
    string Name,
    ProbeKind Kind,
    string Url,
    int? ExpectedStatus,
    int TimeoutSeconds,
    string? BodyContains,
    int FailureThreshold,
    string? CustomerId)
{
    public static TargetResponse From(MonitoredTarget target) => new(
        target.Name,
        target.Kind,
        target.Url,
        target.Kind == ProbeKind.Http ? target.ExpectedStatus : null,
        target.TimeoutSeconds,
        target.BodyContains,
        target.FailureThreshold,
        target.CustomerId);
}

/// <summary>The body of <c>GET /api/monitoring/targets</c>.</summary>
internal sealed record TargetListResponse(IReadOnlyList<TargetResponse> Items);

/// <summary>One probe result as the API shows it.</summary>
internal sealed record ProbeResultResponse(DateTimeOffset Slot, DateTimeOffset CheckedAt, bool Succeeded, int? StatusCode, double LatencyMs, string Detail)
{
    public static ProbeResultResponse From(ProbeResult result) => new(
        result.Slot,
        result.CheckedAt,
        result.Succeeded,
        result.Outcome.StatusCode,
        Math.Round(result.Outcome.Latency.TotalMilliseconds, 1),
        result.Outcome.Detail);
}

/// <summary>The state view of <c>GET /api/monitoring/targets/{name}</c>.</summary>
internal sealed record TargetStatusResponse(
    TargetResponse Target,
    string Status,
    int ConsecutiveFailures,
    DateTimeOffset? LastCheckedAt,
    ProbeResultResponse? LastResult,
    double? LatencyMs,
    string? OpenIncident,
    string? LastIncident,
    DateTimeOffset? OutageStartedAt,
    DateTimeOffset? RecoveredAt,
    int OutageCount,
    IReadOnlyList<ProbeResultResponse> History)
{
    public static TargetStatusResponse From(MonitoredTarget target, TargetState state, IReadOnlyList<ProbeResult> history) => new(
        TargetResponse.From(target),
        state switch
        {
            { LastResult: null } => "unknown",
            { InOutage: true } => "down",
            { ConsecutiveFailures: > 0 } => "failing",
            _ => "up",
        },
        state.ConsecutiveFailures,
        state.LastResult?.CheckedAt,
        state.LastResult is { } last ? ProbeResultResponse.From(last) : null,
        state.LastResult is { } l ? Math.Round(l.Outcome.Latency.TotalMilliseconds, 1) : null,
        state.OpenIncidentId,
        state.IncidentId,
        state.OutageStartedAt,
        state.RecoveredAt,
        state.OutageCount,
        history.Select(ProbeResultResponse.From).ToList());
}
