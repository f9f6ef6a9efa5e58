using InfoFloPay.Domain.Sla;

namespace InfoFloPay.UnitTests.Sla;

public class UsFederalHolidaysTests
{
    // Dates as published by OPM for 2026 and 2027.
    [Theory]
    [InlineData(2026, "2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-01-18 2027-02-15 2027-05-31 2027-06-18 2027-07-05 2027-09-06 2027-10-11 2027-11-11 2027-11-25 2027-12-24")]
    public void Observed_dates_match_the_published_federal_holidays(int year, string expected)
    {
        var observed = UsFederalHolidays.In(year).Select(holiday => holiday.ObservedOn.ToString("yyyy-MM-dd"));

        Assert.Equal(expected.Split(' '), observed);
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_observed_on_the_Friday_before_in_the_previous_year()
    {
        var newYear = UsFederalHolidays.In(2028).Single(holiday => holiday.Name == "New Year's Day");

        Assert.Equal(new DateOnly(2027, 12, 31), newYear.ObservedOn);
    }

    [Fact]
    public void A_New_Years_Day_observed_on_Dec_31_belongs_to_the_year_it_is_observed_in()
    {
        Assert.Contains(new DateOnly(2027, 12, 31), UsFederalHolidays.ObservedIn(2027));
        Assert.Equal(12, UsFederalHolidays.ObservedIn(2027).Count());
        Assert.DoesNotContain(new DateOnly(2027, 12, 31), UsFederalHolidays.ObservedIn(2028));
        Assert.Equal(10, UsFederalHolidays.ObservedIn(2028).Count());
    }

    [Fact]
    public void Every_holiday_is_observed_on_a_weekday()
    {
        var all = Enumerable.Range(2020, 20).SelectMany(UsFederalHolidays.In).ToList();

        Assert.Equal(20 * 11, all.Count);
        Assert.All(all, holiday => Assert.InRange(holiday.ObservedOn.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
    }
}
