using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>
/// Instants from 2026 and 2027 to the second, half of them in the weeks around the daylight-saving changes and the
/// holidays; durations up to 200 working hours to the minute.
/// </summary>
public static class CalendarArbitraries
{
    private static readonly DateTimeOffset From = Utc(2026, 1, 1, 0);

    private static readonly DateTimeOffset[] InterestingWeeks =
    [
        Utc(2026, 3, 4, 0), Utc(2026, 10, 28, 0), Utc(2027, 3, 10, 0), Utc(2027, 11, 3, 0), // DST changes
        Utc(2026, 11, 23, 0), Utc(2026, 12, 22, 0), Utc(2027, 7, 1, 0), Utc(2027, 12, 21, 0), // holidays
    ];

    public static Arbitrary<DateTimeOffset> Instants() =>
        Gen.OneOf(
                Gen.Choose(0, 2 * 365 * 24 * 60 * 60).Select(seconds => From.AddSeconds(seconds)),
                Gen.Elements(InterestingWeeks).SelectMany(week => Gen.Choose(0, 7 * 24 * 60 * 60).Select(seconds => week.AddSeconds(seconds))))
            .ToArbitrary();

    public static Arbitrary<TimeSpan> Durations() =>
        Gen.Choose(0, 200 * 60).Select(minutes => TimeSpan.FromMinutes(minutes)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public class BusinessCalendarProperties
{
    private static readonly BusinessCalendar Calendar = NewYorkCalendar;

    [Property]
    public void Adding_then_measuring_gives_back_the_duration(DateTimeOffset start, TimeSpan duration)
    {
        var due = Calendar.AddBusinessTime(start, duration);

        Assert.Equal(duration, Calendar.BusinessTimeBetween(start, due));
    }

    [Property]
    public void A_longer_target_is_never_due_earlier(DateTimeOffset start, TimeSpan a, TimeSpan b)
    {
        var (shorter, longer) = a <= b ? (a, b) : (b, a);

        Assert.True(Calendar.AddBusinessTime(start, shorter) <= Calendar.AddBusinessTime(start, longer));
    }

    [Property]
    public void A_later_start_is_never_due_earlier(DateTimeOffset a, DateTimeOffset b, TimeSpan duration)
    {
        var (earlier, later) = a <= b ? (a, b) : (b, a);

        Assert.True(Calendar.AddBusinessTime(earlier, duration) <= Calendar.AddBusinessTime(later, duration));
    }

    [Property]
    public void A_due_time_is_inside_working_hours_or_at_closing(DateTimeOffset start, TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return;
        }

        var due = TimeZoneInfo.ConvertTime(Calendar.AddBusinessTime(start, duration), NewYork);
        var date = DateOnly.FromDateTime(due.DateTime);
        var time = TimeOnly.FromDateTime(due.DateTime);

        Assert.InRange(date.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
        Assert.DoesNotContain(date, UsFederalHolidays.ObservedIn(date.Year));
        Assert.True(time > new TimeOnly(8, 0) && time <= new TimeOnly(17, 0), $"due at {due:O} is outside 08:00-17:00");
    }

    [Property]
    public void Measured_time_adds_up_over_consecutive_spans(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c)
    {
        DateTimeOffset[] sorted = [.. new[] { a, b, c }.Order()];

        Assert.Equal(
            Calendar.BusinessTimeBetween(sorted[0], sorted[2]),
            Calendar.BusinessTimeBetween(sorted[0], sorted[1]) + Calendar.BusinessTimeBetween(sorted[1], sorted[2]));
    }

    [Property(MaxTest = 100)]
    public void Measured_time_matches_counting_working_minutes_one_by_one(DateTimeOffset start, TimeSpan span)
    {
        // An independent oracle: step minute by minute and ask the wall clock whether the desk is open.
        var from = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var to = from + span;
        var holidays = new[] { 2026, 2027, 2028 }.SelectMany(UsFederalHolidays.ObservedIn).ToHashSet();
        var minutes = 0;
        for (var minute = from; minute < to; minute = minute.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTime(minute, NewYork).DateTime;
            var open = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !holidays.Contains(DateOnly.FromDateTime(local))
                && local.TimeOfDay >= TimeSpan.FromHours(8) && local.TimeOfDay < TimeSpan.FromHours(17);
            minutes += open ? 1 : 0;
        }

        Assert.Equal(TimeSpan.FromMinutes(minutes), Calendar.BusinessTimeBetween(from, to));
    }

    [Property]
    public void Working_time_never_exceeds_the_time_that_passed(DateTimeOffset a, DateTimeOffset b)
    {
        var (earlier, later) = a <= b ? (a, b) : (b, a);

        Assert.InRange(Calendar.BusinessTimeBetween(earlier, later), TimeSpan.Zero, later - earlier);
    }

    [Property]
    public void The_round_the_clock_calendar_adds_and_measures_real_time(DateTimeOffset start, TimeSpan duration)
    {
        var due = RoundTheClockCalendar.Instance.AddBusinessTime(start, duration);

        Assert.Equal(start + duration, due);
        Assert.Equal(duration, RoundTheClockCalendar.Instance.BusinessTimeBetween(start, due));
    }
}
