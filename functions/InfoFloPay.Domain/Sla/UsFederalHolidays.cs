namespace InfoFloPay.Domain.Sla;

/// <summary>
/// The eleven US federal holidays (5 U.S.C. 6103) with their observed dates, so the default calendar needs no hand-kept list.
/// </summary>
public static class UsFederalHolidays
{
    public static IReadOnlyList<FederalHoliday> In(int year) =>
    [
        Fixed("New Year's Day", year, 1, 1),
        new("Birthday of Martin Luther King, Jr.", NthWeekday(year, 1, DayOfWeek.Monday, 3)),
        new("Washington's Birthday (Presidents' Day)", NthWeekday(year, 2, DayOfWeek.Monday, 3)),
        new("Memorial Day", LastWeekday(year, 5, DayOfWeek.Monday)),
        Fixed("Juneteenth National Independence Day", year, 6, 19),
        Fixed("Independence Day", year, 7, 4),
        new("Labor Day", NthWeekday(year, 9, DayOfWeek.Monday, 1)),
        new("Columbus Day", NthWeekday(year, 10, DayOfWeek.Monday, 2)),
        Fixed("Veterans Day", year, 11, 11),
        new("Thanksgiving Day", NthWeekday(year, 11, DayOfWeek.Thursday, 4)),
        Fixed("Christmas Day", year, 12, 25),
    ];

    /// <summary>
    /// The dates in <paramref name="year"/> on which a federal holiday is observed. That is the year's own holidays, except a
    /// New Year's Day observed on Dec 31 of the year before, plus the next New Year's Day when it is observed on Dec 31.
    /// </summary>
    public static IEnumerable<DateOnly> ObservedIn(int year)
    {
        var holidays = year < DateOnly.MaxValue.Year ? In(year).Concat(In(year + 1)) : In(year);
        return holidays.Select(holiday => holiday.ObservedOn).Where(date => date.Year == year);
    }

    private static FederalHoliday Fixed(string name, int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        // Observed-day rule of 5 U.S.C. 6103(b): New Year's Day on a Saturday is observed on Dec 31 of the year before.
        var observed = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
        return new FederalHoliday(name, observed);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
