namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// How loudly an outage is reported: at most one note per <see cref="NoteInterval"/> while it lasts, resolve on recovery
/// when <see cref="AutoResolve"/>, and a relapse within <see cref="ReopenWindow"/> of recovery reopens the same incident.
/// </summary>
public sealed record OutagePolicy(TimeSpan NoteInterval, TimeSpan ReopenWindow, bool AutoResolve)
{
    public static readonly OutagePolicy Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), AutoResolve: true);
}
