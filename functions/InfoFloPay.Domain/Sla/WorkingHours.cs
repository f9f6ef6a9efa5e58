namespace InfoFloPay.Domain.Sla;

/// <summary>The local wall-clock hours the desk is staffed on each working day (the same hours every working day).</summary>
public sealed record WorkingHours
{
    public WorkingHours(IEnumerable<DayOfWeek> days, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (end <= start)
        {
            throw new ArgumentException("Working hours must end after they start on the same day.", nameof(end));
        }

        Days = days.ToHashSet();
        if (Days.Count == 0)
        {
            throw new ArgumentException("At least one working day is needed.", nameof(days));
        }

        Start = start;
        End = end;
    }

    /// <summary>Monday to Friday, 08:00 to 17:00: the policy's "working hours from 8-5".</summary>
    public static WorkingHours Default { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(8, 0),
        new TimeOnly(17, 0));

    public IReadOnlySet<DayOfWeek> Days { get; }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }
}
