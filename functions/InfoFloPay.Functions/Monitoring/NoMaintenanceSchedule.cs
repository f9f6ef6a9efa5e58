using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The schedule while no maintenance windows are stored: no target is ever in maintenance. Registered with
/// <c>TryAddSingleton</c>, so the stored windows' schedule replaces it wherever it is registered.
/// </summary>
internal sealed class NoMaintenanceSchedule : IMaintenanceSchedule
{
    public ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
}
