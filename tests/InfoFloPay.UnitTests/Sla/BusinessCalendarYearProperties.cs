using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>A calendar year between 2000 and 2100.</summary>
public readonly record struct CalendarYear(int Value);

public static class CalendarYearArbitraries
{
    public static Arbitrary<CalendarYear> Years() => Gen.Choose(2000, 2100).Select(year => new CalendarYear(year)).ToArbitrary();
}

/// <summary>
/// The shipped calendar, built once and shared by every run, asked about years in any order: it has to know each year's
/// federal holidays however far that year is from the one it was built in.
/// </summary>
[Properties(Arbitrary = [typeof(CalendarYearArbitraries)], MaxTest = 200)]
public class BusinessCalendarYearProperties
{
    private static readonly BusinessCalendar Calendar = Default.BusinessCalendar;

    [Property]
    public void Every_observed_federal_holiday_of_any_year_is_closed(CalendarYear year)
    {
        foreach (var holiday in UsFederalHolidays.In(year.Value))
        {
            var date = holiday.ObservedOn;

            Assert.False(Calendar.IsWorkingDay(date), $"{holiday.Name} {year.Value} (observed {date:yyyy-MM-dd}) is a working day");
            Assert.Equal(
                TimeSpan.Zero,
                Calendar.BusinessTimeBetween(NewYorkTime(date.Year, date.Month, date.Day, 0), NewYorkTime(date.Year, date.Month, date.Day, 23)));
        }
    }

    [Property(MaxTest = 100)]
    public void A_year_has_nine_working_hours_for_every_weekday_that_is_not_an_observed_holiday(CalendarYear a, CalendarYear b)
    {
        // Back and forth between two years, so an answer cannot depend on which year the calendar was asked about first.
        foreach (var year in new[] { a.Value, b.Value, a.Value })
        {
            var measured = Calendar.BusinessTimeBetween(NewYorkTime(year, 1, 1, 0), NewYorkTime(year + 1, 1, 1, 0));

            Assert.Equal(TimeSpan.FromHours(9 * WorkingDaysIn(year)), measured);
        }
    }

    // An independent count: every weekday of the year, minus each date any neighbouring year's holiday is observed on
    // (New Year's Day can be observed on 31 December of the year before).
    private static int WorkingDaysIn(int year)
    {
        var observed = new[] { year - 1, year, year + 1 }.SelectMany(UsFederalHolidays.In).Select(holiday => holiday.ObservedOn).ToHashSet();
        var days = 0;
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            days += date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !observed.Contains(date) ? 1 : 0;
        }

        return days;
    }
}
