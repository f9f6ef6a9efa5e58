using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A target definition as the API shows it.</summary>
internal sealed record TargetResponse(
    string Name,
    ProbeKind Kind,
    string? Url,
    int? ExpectedStatus,
    int TimeoutSeconds,
    string? BodyContains,
    int FailureThreshold,
    string? CustomerId,
    int IntervalSeconds,
    int RecoveryThreshold,
    bool Public,
    int? GraceSeconds,
    int DetectionSeconds,
    string? HeartbeatUrl = null)
{
    public static TargetResponse From(MonitoredTarget target, string? heartbeatUrl = null) => new(
        target.Name,
        target.Kind,
        target.Kind == ProbeKind.Heartbeat ? null : target.Url,
        target.Kind == ProbeKind.Http ? target.ExpectedStatus : null,
        target.TimeoutSeconds,
        target.BodyContains,
        target.FailureThreshold,
        target.CustomerId,
        target.IntervalSeconds,
        target.RecoveryThreshold,
        target.Public,
        target.Kind == ProbeKind.Heartbeat ? target.GraceSeconds : null,
        (int)target.DetectionTime.TotalSeconds,
        heartbeatUrl);
}

/// <summary>One row of <c>GET /api/monitoring/targets</c>: the definition with the state the console lists.</summary>
internal sealed record TargetListItem(
    string Name,
    ProbeKind Kind,
    string? Url,
    int? ExpectedStatus,
    int TimeoutSeconds,
    string? BodyContains,
    int IntervalSeconds,
    int FailureThreshold,
    int RecoveryThreshold,
    bool Public,
    string? CustomerId,
    int? GraceSeconds,
    string Status,
    int ConsecutiveFailures,
    DateTimeOffset? LastCheckedAt,
    string? OpenIncident,
    DateTimeOffset? OutageStartedAt)
{
    public static TargetListItem From(MonitoredTarget target, TargetState state, bool inMaintenance) => new(
        target.Name,
        target.Kind,
        target.Kind == ProbeKind.Heartbeat ? null : target.Url,
        target.Kind == ProbeKind.Http ? target.ExpectedStatus : null,
        target.TimeoutSeconds,
        target.BodyContains,
        target.IntervalSeconds,
        target.FailureThreshold,
        target.RecoveryThreshold,
        target.Public,
        target.CustomerId,
        target.Kind == ProbeKind.Heartbeat ? target.GraceSeconds : null,
        TargetStatusText.Of(state, inMaintenance),
        state.ConsecutiveFailures,
        state.LastResult?.CheckedAt,
        state.OpenIncidentId,
        state.OutageStartedAt);
}

/// <summary>The body of <c>GET /api/monitoring/targets</c>.</summary>
internal sealed record TargetListResponse(IReadOnlyList<TargetListItem> Items);

/// <summary>A target's state in one word, as the console and the state view show it.</summary>
internal static class TargetStatusText
{
    public static string Of(TargetState state, bool inMaintenance) => state switch
    {
        { InOutage: true } => "down",
        _ when inMaintenance => "maintenance",
        { LastResult: null } => "unknown",
        { ConsecutiveFailures: > 0 } => "failing",
        _ => "up",
    };
}

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
    public static TargetStatusResponse From(MonitoredTarget target, TargetState state, IReadOnlyList<ProbeResult> history, bool inMaintenance = false) => new(
        TargetResponse.From(target),
        TargetStatusText.Of(state, inMaintenance),
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
