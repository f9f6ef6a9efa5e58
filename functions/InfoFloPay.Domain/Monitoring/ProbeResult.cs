namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// A probe's outcome placed in time: <see cref="Slot"/> is the scheduled instant of the run that took it
/// (so overlapping runs for the same instant share one slot); <see cref="CheckedAt"/> is when it finished.
/// </summary>
public sealed record ProbeResult(DateTimeOffset Slot, DateTimeOffset CheckedAt, ProbeOutcome Outcome)
{
    public bool Succeeded => Outcome.Succeeded;
}
