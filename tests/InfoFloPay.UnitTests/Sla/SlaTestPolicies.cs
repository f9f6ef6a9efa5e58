using InfoFloPay.Domain.Sla;
using InfoFloPay.Functions.Sla;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>The shipped policy file and calendar, loaded as the app loads them.</summary>
internal static class SlaTestPolicies
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string ShippedPolicyPath => Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile);

    public static string ShippedPolicyJson => File.ReadAllText(ShippedPolicyPath);

    public static SlaPolicy Default { get; } = SlaPolicyLoader.Parse(ShippedPolicyJson);

    /// <summary>The default desk calendar: Monday to Friday 08:00-17:00 in New York, closed on the federal holidays of every year.</summary>
    public static BusinessCalendar NewYorkCalendar { get; } = new(NewYork, WorkingHours.Default, [], usFederalHolidays: true);

    /// <summary>A wall-clock time in New York, as the instant it is.</summary>
    public static DateTimeOffset NewYorkTime(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
