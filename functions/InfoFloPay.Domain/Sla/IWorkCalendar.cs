namespace InfoFloPay.Domain.Sla;

/// <summary>
/// The clock an SLA target runs on: only the time this calendar counts as working time moves a target toward its due time.
/// </summary>
public interface IWorkCalendar
{
    /// <summary>The instant (UTC) at which <paramref name="duration"/> of working time has elapsed after <paramref name="start"/>.</summary>
    DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration);

    /// <summary>The working time between two instants; zero when <paramref name="until"/> is not after <paramref name="since"/>.</summary>
    TimeSpan BusinessTimeBetween(DateTimeOffset since, DateTimeOffset until);
}
