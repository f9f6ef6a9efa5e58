namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Planned work during which the named targets' failures are recorded but open no incident and page nobody: one-off
/// (<see cref="StartsAt"/> to <see cref="EndsAt"/>) or recurring (<see cref="Recurrence"/>). <c>"*"</c> names every target.
/// </summary>
public sealed record MaintenanceWindow
{
    public const string EveryTarget = "*";

    public required string Id { get; init; }

    public required IReadOnlyList<string> Targets { get; init; }

    public string? Reason { get; init; }

    /// <summary>A one-off window's start; null for a recurring one.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>A one-off window's end (exclusive); null for a recurring one.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    public MaintenanceRecurrence? Recurrence { get; init; }

    public bool Names(string targetName) => Targets.Any(t => t == EveryTarget || string.Equals(t, targetName, StringComparison.Ordinal));

    public bool Covers(string targetName, DateTimeOffset at) => Names(targetName) && OccurrenceAt(at) is not null;

    /// <summary>The period that covers <paramref name="at"/>, or null when the window is not active then.</summary>
    public MaintenanceOccurrence? OccurrenceAt(DateTimeOffset at)
    {
        if (Recurrence is { } recurrence)
        {
            return recurrence.At(at);
        }

        var once = new MaintenanceOccurrence(StartsAt!.Value, EndsAt!.Value);
        return once.Contains(at) ? once : null;
    }

    /// <summary>The first period that starts after <paramref name="at"/>, or null when there is none.</summary>
    public MaintenanceOccurrence? NextAfter(DateTimeOffset at)
    {
        if (Recurrence is { } recurrence)
        {
            return recurrence.NextAfter(at);
        }

        return StartsAt!.Value > at ? new MaintenanceOccurrence(StartsAt.Value, EndsAt!.Value) : null;
    }
}

/// <summary>All the stored windows at once, read once per probe run: which targets are in maintenance at an instant.</summary>
public sealed class MaintenanceCalendar(IReadOnlyList<MaintenanceWindow> windows)
{
    public static readonly MaintenanceCalendar Empty = new([]);

    public bool Covers(string targetName, DateTimeOffset at) => windows.Any(w => w.Covers(targetName, at));
}
