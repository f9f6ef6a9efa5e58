using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The anonymous status page's data, read from storage at most once per <see cref="CacheFor"/> on the app's clock:
/// every caller within that time, however many at once, shares one read (the first caller's, or the one in flight).
/// A read that fails is not kept, so the next caller tries again. The cache is this instance's memory.
/// </summary>
internal sealed class PublicStatusBoard(
    MonitoringTargetStore targets,
    TargetStateStore states,
    IMaintenanceSchedule maintenance,
    TimeProvider clock,
    ILogger<PublicStatusBoard> logger)
{
    /// <summary>How long one read is served; also the response's <c>Cache-Control: max-age</c>.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, Task<PublicStatusResponse> Read)? _current;

    public Task<PublicStatusResponse> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Task<PublicStatusResponse> read;
        lock (_gate)
        {
            if (_current is not { } current || now - current.ReadAt >= CacheFor || current.Read.IsFaulted || current.Read.IsCanceled)
            {
                // Not on the caller's token: the read is shared, and one caller going away must not fail the others.
                _current = (now, ReadAsync(now));
            }

            read = _current.Value.Read;
        }

        return read.WaitAsync(cancellationToken);
    }

    private async Task<PublicStatusResponse> ReadAsync(DateTimeOffset now)
    {
        // Off the caller's lock: the read starts after GetAsync has published it.
        await Task.Yield();
        var shown = (await targets.ListAsync(CancellationToken.None).ConfigureAwait(false)).Where(t => t.Public).ToList();
        var inMaintenance = await maintenance.CoveredAsync(shown.Select(t => t.Name), now, CancellationToken.None).ConfigureAwait(false);
        var rows = await Task.WhenAll(shown.Select(async target => (
            target,
            (await states.ReadAsync(target.Name, CancellationToken.None).ConfigureAwait(false)).State,
            inMaintenance.Contains(target.Name)))).ConfigureAwait(false);
        var status = PublicStatusResponse.From(rows);
        logger.LogDebug("Public status read at {Now}: {Targets} public targets, {Incidents} open incidents", now, status.Targets.Count, status.Incidents.Count);
        return status;
    }
}
