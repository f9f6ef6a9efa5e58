namespace InfoFloPay.Functions.Monitoring;

/// <summary>The body of <c>PUT /api/monitoring/maintenance/{id}</c>: one-off (<c>startsAt</c>, <c>endsAt</c>) or recurring
/// (<c>cron</c>, <c>durationMinutes</c>, <c>timeZone</c>); the id comes from the route.</summary>
internal sealed record MaintenanceWindowRequest(
    IReadOnlyList<string?>? Targets,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? Reason = null,
    string? Cron = null,
    int? DurationMinutes = null,
    string? TimeZone = null);
