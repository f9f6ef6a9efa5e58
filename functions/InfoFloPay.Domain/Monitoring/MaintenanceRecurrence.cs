using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// A recurring window's schedule: it starts at every occurrence of a 6-field NCRONTAB expression (seconds first) read as
/// wall-clock time in an IANA time zone, and lasts <see cref="Duration"/> of elapsed time. Across a DST change Cronos's
/// rules apply: a start in the skipped hour (02:30 on the spring-forward day in New York) starts when the clocks jump
/// (03:00 daylight time), and a start in the repeated hour (01:30 on the fall-back day) starts once, at its first
/// (daylight) occurrence; either way the window lasts its full duration.
/// </summary>
public sealed class MaintenanceRecurrence
{
    private readonly CronExpression _expression;

    private MaintenanceRecurrence(string cron, CronExpression expression, int durationMinutes, TimeZoneInfo zone)
    {
        Cron = cron;
        _expression = expression;
        DurationMinutes = durationMinutes;
        Zone = zone;
    }

    public string Cron { get; }

    public int DurationMinutes { get; }

    public TimeZoneInfo Zone { get; }

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    /// <summary>The schedule, or null when <paramref name="cron"/> is not a 6-field expression or the zone is unknown.</summary>
    public static MaintenanceRecurrence? TryCreate(string cron, int durationMinutes, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(cron);
        return TryParseCron(cron, out var expression) && TryFindZone(timeZone, out var zone)
            ? new MaintenanceRecurrence(cron.Trim(), expression, durationMinutes, zone)
            : null;
    }

    /// <summary>The occurrence that covers <paramref name="at"/> (the latest-starting one when they overlap), or null.</summary>
    public MaintenanceOccurrence? At(DateTimeOffset at) =>
        _expression.GetPreviousOccurrence(at, Zone, inclusive: true) is { } start && at < start + Duration
            ? new MaintenanceOccurrence(start, start + Duration)
            : null;

    /// <summary>The first occurrence that starts after <paramref name="at"/>, or null when the expression never fires again.</summary>
    public MaintenanceOccurrence? NextAfter(DateTimeOffset at) =>
        _expression.GetNextOccurrence(at, Zone, inclusive: false) is { } start ? new MaintenanceOccurrence(start, start + Duration) : null;

    /// <summary>The occurrences that start from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public IEnumerable<MaintenanceOccurrence> Between(DateTimeOffset from, DateTimeOffset to) =>
        _expression.GetOccurrences(from, to, Zone, fromInclusive: true, toInclusive: false).Select(start => new MaintenanceOccurrence(start, start + Duration));

    internal static bool TryParseCron(string cron, [NotNullWhen(true)] out CronExpression? expression)
    {
        expression = null;
        var text = cron.Trim();
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            && CronExpression.TryParse(text, CronFormat.IncludeSeconds, out expression);
    }

    internal static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        // IANA names only ("America/New_York", "UTC"): a Windows name would mean something else on another host.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && !string.Equals(id, "UTC", StringComparison.Ordinal))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }
}
