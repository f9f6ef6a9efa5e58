using System.Diagnostics;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Bench;

/// <summary>One benchmark row: how many operations per second, and storage requests per operation.</summary>
public sealed record Measurement(string Operation, int Operations, double PerSecond, double RoundTripsPerOperation, string Target);

public static class Workload
{
    /// <summary>Runs <paramref name="operation"/> <paramref name="count"/> times, <paramref name="parallelism"/> at a time.</summary>
    /// <paramref name="settle"/> waits for work the operations leave in the background (deferred outbox deletes):
    /// its storage requests count towards the operations, its time does not.
    public static async Task<Measurement> RunAsync(
        string name, string target, int count, int parallelism, StorageRoundTripCounter counter, Func<int, Task> operation, Func<Task>? settle = null)
    {
        settle ??= () => Task.CompletedTask;
        // An unmeasured run first (operation numbers past the measured ones), so JIT, tiering and connection set-up
        // stay out of the row.
        await RunAllAsync(Math.Min(200, count), parallelism, n => operation(count + n));
        await settle();
        counter.Reset();
        var stopwatch = Stopwatch.StartNew();
        await RunAllAsync(count, parallelism, operation);
        stopwatch.Stop();
        await settle();
        return new Measurement(name, count, count / stopwatch.Elapsed.TotalSeconds, counter.Count / (double)count, target);
    }

    private static Task RunAllAsync(int count, int parallelism, Func<int, Task> operation)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                await operation(n);
            }
        }));
    }
}
