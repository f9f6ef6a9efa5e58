using System.Globalization;

namespace InfoFloPay.Bench;

/// <summary>One <c>--detection</c> configuration: seconds from down to incident per run, next to the stated bound.</summary>
public sealed record DetectionResult(int IntervalSeconds, int Threshold, int TimeoutSeconds, int BoundSeconds, IReadOnlyList<double> Measured);

public static class DetectionReport
{
    public static void Print(int runs, IReadOnlyList<DetectionResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Detection time: {runs} runs per configuration, probe timer on its shipped schedule (every 10 s), page stopped at a random offset within the interval, {Environment.ProcessorCount} cores, Azurite in memory, real time."));
        Console.WriteLine();
        Console.WriteLine("| interval × threshold | min (s) | median (s) | max (s) | bound: threshold × interval + timeout (s) | within bound |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            var sorted = result.Measured.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.IntervalSeconds} s × {result.Threshold} | {sorted[0]:0.0} | {median:0.0} | {sorted[^1]:0.0} | {result.Threshold} × {result.IntervalSeconds} + {result.TimeoutSeconds} = {result.BoundSeconds} | {(sorted[^1] <= result.BoundSeconds ? "yes" : "no")} |"));
        }
    }
}
