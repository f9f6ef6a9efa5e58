using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A maintenance window as the API shows it at an instant. A recurring window's <c>startsAt</c>/<c>endsAt</c> are
/// its current occurrence while active, else its next one (absent when its cron never fires again).</summary>
internal sealed record MaintenanceWindowResponse(
    string Id,
    IReadOnlyList<string> Targets,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Reason,
    string? Cron,
    int? DurationMinutes,
    string? TimeZone,
    bool Active,
    DateTimeOffset? NextStartsAt)
{
    public static MaintenanceWindowResponse From(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var current = window.OccurrenceAt(now);
        var next = window.NextAfter(now);
        var shown = current ?? next ?? (window.Recurrence is null ? new MaintenanceOccurrence(window.StartsAt!.Value, window.EndsAt!.Value) : null);
        return new MaintenanceWindowResponse(
            window.Id,
            window.Targets,
            shown?.StartsAt,
            shown?.EndsAt,
            window.Reason,
            window.Recurrence?.Cron,
            window.Recurrence?.DurationMinutes,
            window.Recurrence?.Zone.Id,
            current is not null,
            next?.StartsAt);
    }
}

/// <summary>The body of <c>GET /api/monitoring/maintenance</c>.</summary>
internal sealed record MaintenanceWindowListResponse(IReadOnlyList<MaintenanceWindowResponse> Items);
