using System.Collections.Concurrent;

namespace InfoFloPay.Functions.RateLimiting;

/// <summary>
/// Counts requests per key in fixed windows that start at a key's first request, on the app's <see cref="TimeProvider"/>.
/// System.Threading.RateLimiting's limiters replenish on their own timer and real time, so they cannot run on a fake
/// clock; this one needs no timer at all. Counts live in this instance's memory: each scaled-out instance limits alone.
/// </summary>
public sealed class FixedWindowLimiter(TimeProvider clock)
{
    /// <summary>Past this many keys, windows that have ended are swept on the next request, so memory stays bounded
    /// by the callers of one window rather than by every caller ever seen.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Takes one permit for <paramref name="key"/>; when none is left, says how long until its window ends.</summary>
    public RateLimitDecision TryAcquire(string key, int permits, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow();
        if (_windows.Count > SweepAbove)
        {
            Sweep(now);
        }

        var current = _windows.AddOrUpdate(
            key,
            _ => new Window(now + window, 1),
            (_, existing) => existing.EndsAt <= now ? new Window(now + window, 1) : existing with { Count = existing.Count + 1 });
        return current.Count <= permits
            ? new RateLimitDecision(true, TimeSpan.Zero, FirstRefusal: false)
            : new RateLimitDecision(false, current.EndsAt - now, FirstRefusal: current.Count == permits + 1);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed record Window(DateTimeOffset EndsAt, int Count);
}

/// <summary>Whether a request may proceed; if not, how long until it may. <see cref="FirstRefusal"/> marks the first
/// request over the limit in a window: the one worth a log line.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, bool FirstRefusal);
