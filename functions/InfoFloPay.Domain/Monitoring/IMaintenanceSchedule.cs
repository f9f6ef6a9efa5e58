namespace InfoFloPay.Domain.Monitoring;

/// <summary>Whether a monitoring target is inside a maintenance window at an instant (one-off or recurring windows).</summary>
public interface IMaintenanceSchedule
{
    /// <summary>True when a window naming <paramref name="targetName"/> (or "*") covers <paramref name="at"/>.</summary>
    ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="targetNames"/> a window covers at <paramref name="at"/>; a schedule that reads its
    /// windows from storage answers it with one read rather than one per target.</summary>
    async ValueTask<IReadOnlySet<string>> CoveredAsync(IEnumerable<string> targetNames, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetNames);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in targetNames)
        {
            if (await CoversAsync(name, at, cancellationToken).ConfigureAwait(false))
            {
                covered.Add(name);
            }
        }

        return covered;
    }
}
