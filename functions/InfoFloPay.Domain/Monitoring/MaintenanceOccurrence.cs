namespace InfoFloPay.Domain.Monitoring;

/// <summary>One period of a maintenance window: from <see cref="StartsAt"/> (inclusive) to <see cref="EndsAt"/> (exclusive).</summary>
public readonly record struct MaintenanceOccurrence(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Contains(DateTimeOffset at) => StartsAt <= at && at < EndsAt;
}
