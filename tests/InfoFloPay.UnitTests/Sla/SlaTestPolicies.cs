using InfoFloPay.Domain.Sla;
using InfoFloPay.Functions.Sla;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>The shipped policy file and calendar, loaded as the app loads them, with "now" in November 2026.</summary>
internal static class SlaTestPolicies
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string ShippedPolicyPath => Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile);

    public static string ShippedPolicyJson => File.ReadAllText(ShippedPolicyPath);

    public static SlaPolicy Default { get; } = Loader().Parse(ShippedPolicyJson);

    /// <summary>The default desk calendar with the federal holidays of 2026 to 2028, so long durations stay covered.</summary>
    public static BusinessCalendar NewYorkCalendar { get; } =
        new(NewYork, WorkingHours.Default, UsFederalHolidays.ObservedDates(2026, 2027, 2028));

    public static SlaPolicyLoader Loader() =>
        new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));

    /// <summary>A wall-clock time in New York, as the instant it is.</summary>
    public static DateTimeOffset NewYorkTime(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
