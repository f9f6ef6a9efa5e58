using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace InfoFloPay.Domain.Sla;

/// <summary>
/// Working time in one IANA time zone: the working hours of each working day that is not a holiday.
/// Each working day is converted to UTC on its own, so a day stays 08:00–17:00 on the wall clock across DST changes,
/// and the arithmetic walks whole days rather than minutes.
/// </summary>
public sealed class BusinessCalendar : IWorkCalendar
{
    public const string DefaultTimeZoneId = "America/New_York";

    // Ten years of days without one working interval can only mean a calendar with (nearly) every day a holiday.
    private const int MaxDaysSearched = 3660;

    private readonly FrozenSet<DateOnly> listedHolidays;

    private readonly bool usFederalHolidays;

    // Worked out the first time a date in the year is asked about, so one calendar is right for every year a clock
    // touches (an old ticket measured again, a due time past New Year), however long the process lives.
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> holidaysByYear = new();

    /// <param name="timeZone">The zone whose wall clock the working hours are on.</param>
    /// <param name="hours">The working days and hours.</param>
    /// <param name="holidays">Closed days of the desk's own, in any year.</param>
    /// <param name="usFederalHolidays">Whether the observed US federal holidays of every year are closed days as well.</param>
    public BusinessCalendar(TimeZoneInfo timeZone, WorkingHours hours, IEnumerable<DateOnly> holidays, bool usFederalHolidays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        TimeZone = timeZone;
        Hours = hours;
        listedHolidays = holidays.ToFrozenSet();
        this.usFederalHolidays = usFederalHolidays;
    }

    public TimeZoneInfo TimeZone { get; }

    public WorkingHours Hours { get; }

    /// <summary>The closed days in <paramref name="year"/>: the listed ones and, when turned on, the observed federal holidays.</summary>
    public IReadOnlySet<DateOnly> HolidaysIn(int year) =>
        holidaysByYear.GetOrAdd(year, static (key, calendar) => calendar.WorkOutHolidaysIn(key), this);

    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var cursor = start.ToUniversalTime();
        if (duration == TimeSpan.Zero)
        {
            return cursor;
        }

        var remaining = duration;
        var date = LocalDateOf(cursor);
        for (var searched = 0; searched < MaxDaysSearched; searched++, date = date.AddDays(1))
        {
            if (WorkingIntervalOn(date) is not { } interval || interval.End <= cursor)
            {
                continue;
            }

            var from = cursor > interval.Start ? cursor : interval.Start;
            var available = interval.End - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"The business calendar has no working time in the {MaxDaysSearched} days after {start:O}.");
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset since, DateTimeOffset until)
    {
        if (until <= since)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDateOf(until);
        for (var date = LocalDateOf(since); date <= last; date = date.AddDays(1))
        {
            if (WorkingIntervalOn(date) is not { } interval)
            {
                continue;
            }

            var from = since > interval.Start ? since : interval.Start;
            var to = until < interval.End ? until : interval.End;
            if (to > from)
            {
                total += to - from;
            }
        }

        return total;
    }

    /// <summary>Whether the desk works on this local date (a working weekday that is not a holiday).</summary>
    public bool IsWorkingDay(DateOnly date) => Hours.Days.Contains(date.DayOfWeek) && !HolidaysIn(date.Year).Contains(date);

    private FrozenSet<DateOnly> WorkOutHolidaysIn(int year)
    {
        var listed = listedHolidays.Where(date => date.Year == year);
        return (usFederalHolidays ? listed.Concat(UsFederalHolidays.ObservedIn(year)) : listed).ToFrozenSet();
    }

    private (DateTimeOffset Start, DateTimeOffset End)? WorkingIntervalOn(DateOnly date) =>
        IsWorkingDay(date)
            ? (ToInstant(date.ToDateTime(Hours.Start)), ToInstant(date.ToDateTime(Hours.End)))
            : null;

    private DateOnly LocalDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private DateTimeOffset ToInstant(DateTime local)
    {
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // A wall-clock time skipped by spring-forward does not exist; read with the offset from before the gap it lands
            // just after the change, as far past it as the clock was set forward.
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            // A time repeated by fall-back: take its first occurrence, so a working day never starts late.
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
