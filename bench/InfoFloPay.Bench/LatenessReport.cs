using System.Globalization;
using InfoFloPay.Functions.Sla;

namespace InfoFloPay.Bench;

/// <summary>One <c>--lateness</c> run of the due messages: seconds late per warning and per breach that fired.</summary>
public sealed record LatenessRun(int Tickets, TimeSpan Opening, IReadOnlyList<double> Warnings, IReadOnlyList<double> Breaches)
{
    public Percentiles WarningLateness { get; } = Percentiles.Of(Warnings);

    public Percentiles BreachLateness { get; } = Percentiles.Of(Breaches);

    public string Describe(int run) => string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {Tickets} tickets opened in {Opening.TotalSeconds:0.0} s; warnings fired {Warnings.Count}, late p50 {WarningLateness.P50:0.00} s p95 {WarningLateness.P95:0.00} s max {WarningLateness.Max:0.00} s; breaches fired {Breaches.Count}, late p50 {BreachLateness.P50:0.00} s p95 {BreachLateness.P95:0.00} s max {BreachLateness.Max:0.00} s");
}

/// <summary>One <c>--lateness</c> sweep over a backlog of due tickets.</summary>
public sealed record SweepRun(int Tickets, TimeSpan Seeding, TimeSpan Sweep, long StorageRequests, SlaSweepResult Result, double RawReadsPerSecond, TimeSpan RawSweep)
{
    public string Describe(int run) => string.Create(CultureInfo.InvariantCulture,
        $"run {run}: sweep over {Tickets} due tickets (seeded in {Seeding.TotalSeconds:0.0} s): {Sweep.TotalSeconds:0.0} s, {StorageRequests} storage requests ({StorageRequests / (double)Math.Max(1, Tickets):0.00} per ticket), {Result.Notices} notices, {Result.Failed} failed; raw point reads {RawReadsPerSecond:0}/s; the same storage work raw: {RawSweep.TotalSeconds:0.0} s");
}

public sealed record Percentiles(double P50, double P95, double Max)
{
    public static Percentiles Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Nearest rank.</summary>
    private static double At(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public static class LatenessReport
{
    /// <summary>The markdown table: each figure as the median of the runs, with the lowest and highest run beside it.</summary>
    public static void Print(int tickets, int sweepTickets, IReadOnlyList<LatenessRun> lateness, IReadOnlyList<SweepRun> sweeps)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Escalation timing: {lateness.Count} runs of {tickets} tickets (warnings due within about a minute), {sweeps.Count} sweeps over {sweepTickets} due tickets, {Environment.ProcessorCount} cores, Azurite in memory, real time."));
        Console.WriteLine("Each figure: median of the runs [lowest – highest run].");
        Console.WriteLine();
        Console.WriteLine("| measure | p50 | p95 | max | target |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        Row("warning lateness (s)", lateness.Select(run => run.WarningLateness).ToList(), "p50 ≤ 5 s, max ≤ 15 s");
        Row("breach lateness (s)", lateness.Select(run => run.BreachLateness).ToList(), "p50 ≤ 5 s, max ≤ 15 s");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fired: warnings {string.Join(", ", lateness.Select(run => $"{run.Warnings.Count}/{run.Tickets}"))}; breaches {string.Join(", ", lateness.Select(run => $"{run.Breaches.Count}/{run.Tickets}"))}"));
        Console.WriteLine();
        Console.WriteLine("| sweep | time (s) | storage requests | per ticket | notices | failed | raw point reads/s (8 at a time) | same storage work raw (s) | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {sweepTickets} due tickets | {Spread(sweeps.Select(s => s.Sweep.TotalSeconds).ToList(), "0.0")} | {Spread(sweeps.Select(s => (double)s.StorageRequests).ToList(), "0")} | {Spread(sweeps.Select(s => s.StorageRequests / (double)Math.Max(1, s.Tickets)).ToList(), "0.00")} | {Spread(sweeps.Select(s => (double)s.Result.Notices).ToList(), "0")} | {Spread(sweeps.Select(s => (double)s.Result.Failed).ToList(), "0")} | {Spread(sweeps.Select(s => s.RawReadsPerSecond).ToList(), "0")} | {Spread(sweeps.Select(s => s.RawSweep.TotalSeconds).ToList(), "0.0")} | ≤ 60 s |"));
    }

    private static void Row(string name, IReadOnlyList<Percentiles> runs, string target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Spread([.. runs.Select(r => r.P50)], "0.00")} | {Spread([.. runs.Select(r => r.P95)], "0.00")} | {Spread([.. runs.Select(r => r.Max)], "0.00")} | {target} |"));

    private static string Spread(List<double> values, string format)
    {
        if (values.Count == 0)
        {
            return "–";
        }

        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return sorted.Length == 1
            ? median.ToString(format, CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{median.ToString(format, CultureInfo.InvariantCulture)} [{sorted[0].ToString(format, CultureInfo.InvariantCulture)} – {sorted[^1].ToString(format, CultureInfo.InvariantCulture)}]");
    }
}
