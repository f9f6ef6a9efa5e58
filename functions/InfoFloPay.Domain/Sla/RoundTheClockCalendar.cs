namespace InfoFloPay.Domain.Sla;

/// <summary>The 24x7 clock urgent tickets run on: every instant is working time.</summary>
public sealed class RoundTheClockCalendar : IWorkCalendar
{
    public static RoundTheClockCalendar Instance { get; } = new();

    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return start.ToUniversalTime() + duration;
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset since, DateTimeOffset until) =>
        until > since ? until - since : TimeSpan.Zero;
}
