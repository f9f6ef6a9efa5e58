namespace InfoFloPay.Domain.Monitoring;

/// <summary>Whether a monitoring target is inside a maintenance window at an instant (one-off or recurring windows).</summary>
public interface IMaintenanceSchedule
{
    /// <summary>True when a window naming <paramref name="targetName"/> (or "*") covers <paramref name="at"/>.</summary>
    ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default);
}
