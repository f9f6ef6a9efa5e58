namespace InfoFloPay.Domain.Monitoring;

/// <summary>A maintenance window as a manager typed it: every field may be missing or wrong until validated.</summary>
public sealed record MaintenanceDraft(
    string? Id,
    IReadOnlyList<string?>? Targets,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Reason,
    string? Cron,
    int? DurationMinutes,
    string? TimeZone);
