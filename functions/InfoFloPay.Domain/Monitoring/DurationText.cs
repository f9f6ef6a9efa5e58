using System.Globalization;

namespace InfoFloPay.Domain.Monitoring;

/// <summary>Durations as people say them in a ticket note: "45 s", "3 min", "1 h 5 min", "2 d 3 h".</summary>
public static class DurationText
{
    public static string Describe(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        return duration switch
        {
            { TotalMinutes: < 1 } => string.Create(c, $"{(int)duration.TotalSeconds} s"),
            { TotalHours: < 1 } => duration.Seconds == 0
                ? string.Create(c, $"{duration.Minutes} min")
                : string.Create(c, $"{duration.Minutes} min {duration.Seconds} s"),
            { TotalDays: < 1 } => string.Create(c, $"{duration.Hours} h {duration.Minutes} min"),
            _ => string.Create(c, $"{(int)duration.TotalDays} d {duration.Hours} h"),
        };
    }
}
