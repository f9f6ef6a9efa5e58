using System.Globalization;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// Instants as emails show them: the policy runs on Eastern business hours, so mail does too, daylight saving included
/// ("Tuesday, December 8, 10:30 AM ET"; in July that wall time is 14:30 UTC, in December 15:30 UTC).
/// </summary>
public static class EasternTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("dddd, MMMM d, h:mm tt 'ET'", CultureInfo.InvariantCulture);
}
