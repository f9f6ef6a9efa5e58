using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

public class BusinessCalendarTests
{
    private readonly BusinessCalendar calendar = NewYorkCalendar;

    [Fact]
    public void Friday_evening_work_lands_on_Monday_morning()
    {
        var fridayAfternoon = NewYorkTime(2026, 11, 13, 16);

        var due = calendar.AddBusinessTime(fridayAfternoon, TimeSpan.FromHours(2));

        Assert.Equal(NewYorkTime(2026, 11, 16, 9), due);
    }

    [Fact]
    public void Work_started_after_hours_begins_at_the_next_opening()
    {
        var fridayNight = NewYorkTime(2026, 11, 13, 22, 30);

        Assert.Equal(NewYorkTime(2026, 11, 16, 8, 30), calendar.AddBusinessTime(fridayNight, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(fridayNight, NewYorkTime(2026, 11, 16, 8)));
    }

    [Fact]
    public void Work_that_exactly_fills_the_day_is_due_at_closing_not_the_next_morning()
    {
        var opening = NewYorkTime(2026, 11, 16, 8);

        Assert.Equal(NewYorkTime(2026, 11, 16, 17), calendar.AddBusinessTime(opening, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void Thanksgiving_and_the_weekend_are_skipped()
    {
        var wednesdayAfternoon = NewYorkTime(2026, 11, 25, 15);

        // Wednesday 15:00-17:00, Thursday is Thanksgiving, then Friday 08:00-10:00.
        Assert.Equal(NewYorkTime(2026, 11, 27, 10), calendar.AddBusinessTime(wednesdayAfternoon, TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(wednesdayAfternoon, NewYorkTime(2026, 11, 27, 8)));
    }

    [Fact]
    public void A_holiday_listed_in_the_calendar_is_not_working_time()
    {
        var withCompanyDay = new BusinessCalendar(NewYork, WorkingHours.Default, [new DateOnly(2026, 11, 17)], usFederalHolidays: true);
        var mondayAfternoon = NewYorkTime(2026, 11, 16, 16);

        Assert.Equal(NewYorkTime(2026, 11, 18, 9), withCompanyDay.AddBusinessTime(mondayAfternoon, TimeSpan.FromHours(2)));
        Assert.Equal(NewYorkTime(2026, 11, 17, 9), new BusinessCalendar(NewYork, WorkingHours.Default, [], usFederalHolidays: true).AddBusinessTime(mondayAfternoon, TimeSpan.FromHours(2)));
    }

    [Theory]
    // Spring forward: Sunday 8 March 2026 and 14 March 2027. Friday 16:00 EST (UTC-5) + 2h = Monday 09:00 EDT (UTC-4).
    [InlineData("2026-03-06T21:00:00Z", "2026-03-09T13:00:00Z")]
    [InlineData("2027-03-12T21:00:00Z", "2027-03-15T13:00:00Z")]
    // Fall back: Sunday 1 November 2026 and 7 November 2027. Friday 16:00 EDT + 2h = Monday 09:00 EST.
    [InlineData("2026-10-30T20:00:00Z", "2026-11-02T14:00:00Z")]
    [InlineData("2027-11-05T20:00:00Z", "2027-11-08T14:00:00Z")]
    public void Working_hours_stay_on_the_wall_clock_across_daylight_saving_changes(string fridayFourPm, string mondayNineAm)
    {
        var start = DateTimeOffset.Parse(fridayFourPm);
        var expected = DateTimeOffset.Parse(mondayNineAm);

        Assert.Equal(expected, calendar.AddBusinessTime(start, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(start, expected));
    }

    [Theory]
    [InlineData(2026, 3, 2)]
    [InlineData(2026, 10, 26)]
    [InlineData(2027, 3, 8)]
    [InlineData(2027, 11, 1)]
    public void A_week_spanning_a_daylight_saving_change_has_exactly_45_working_hours(int year, int month, int mondayBefore)
    {
        var monday = NewYorkTime(year, month, mondayBefore, 0);
        var sevenDaysLater = new DateOnly(year, month, mondayBefore).AddDays(7);
        var nextMonday = NewYorkTime(sevenDaysLater.Year, sevenDaysLater.Month, sevenDaysLater.Day, 0);

        Assert.NotEqual(TimeSpan.FromHours(168), nextMonday - monday);
        Assert.Equal(TimeSpan.FromHours(45), calendar.BusinessTimeBetween(monday, nextMonday));
    }

    [Fact]
    public void The_result_is_in_UTC_whatever_offset_the_start_was_given_in()
    {
        var start = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(-5));

        var due = calendar.AddBusinessTime(start, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(Utc(2026, 11, 16, 15), due);
    }

    [Fact]
    public void Measuring_backwards_or_adding_nothing_gives_nothing()
    {
        var start = NewYorkTime(2026, 11, 16, 10);

        Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(start, start.AddHours(-3)));
        Assert.Equal(start, calendar.AddBusinessTime(start, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(start, TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Other_time_zones_and_hours_are_honoured()
    {
        var london = new BusinessCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
            new WorkingHours([DayOfWeek.Saturday], new TimeOnly(10, 0), new TimeOnly(12, 0)),
            [],
            usFederalHolidays: false);

        // Monday morning in London: the only working time is next Saturday 10:00-12:00 GMT.
        Assert.Equal(Utc(2026, 11, 21, 11), london.AddBusinessTime(Utc(2026, 11, 16, 9), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_round_the_clock_calendar_counts_every_hour_including_nights_and_the_repeated_hour_of_fall_back()
    {
        var calendar = RoundTheClockCalendar.Instance;
        var beforeFallBack = NewYorkTime(2026, 11, 1, 0, 30);

        var due = calendar.AddBusinessTime(beforeFallBack, TimeSpan.FromHours(3));

        // 00:30 EDT + 3 real hours = 02:30 EST (the clock showed 01:00-02:00 twice).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 30, 0, TimeSpan.FromHours(-5)), due);
        Assert.Equal(TimeSpan.FromHours(3), calendar.BusinessTimeBetween(beforeFallBack, due));
    }
}
