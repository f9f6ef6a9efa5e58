using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The stored maintenance windows as the rest of the desk asks about them. <see cref="CalendarAsync"/> reads every window
/// once, for a probe run or a target list to ask about each target; <see cref="CoversAsync"/> is the one-question form.
/// </summary>
internal sealed class MaintenanceSchedule(MaintenanceWindowStore windows) : IMaintenanceSchedule
{
    public async Task<MaintenanceCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        new([.. (await windows.ListAsync(cancellationToken).ConfigureAwait(false)).Select(w => w.Window)]);

    public async ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await CalendarAsync(cancellationToken).ConfigureAwait(false)).Covers(targetName, at);

    public async ValueTask<IReadOnlySet<string>> CoveredAsync(IEnumerable<string> targetNames, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var calendar = await CalendarAsync(cancellationToken).ConfigureAwait(false);
        return targetNames.Where(name => calendar.Covers(name, at)).ToHashSet(StringComparer.Ordinal);
    }
}
