using System.Globalization;
using InfoFloPay.Bench;

// dotnet run -c Release --project bench/InfoFloPay.Bench -- [--quick] [--runs 3] [--rounds 150] [--articles 200]
// dotnet run -c Release --project bench/InfoFloPay.Bench -- --scale [--sizes 1000,10000,100000]
// dotnet run -c Release --project bench/InfoFloPay.Bench -- --lateness [--runs 3] [--tickets 1000] [--sweep 10000] [--sweep-runs 1]
var root = FindRepositoryRoot();
var quick = args.Contains("--quick");
foreach (var mode in args)
{
    switch (mode)
    {
        case "--scale":
            return await ScaleBench.RunAsync(root, Sizes(quick ? "1000,10000" : "1000,10000,100000"), Option("--samples", quick ? 10 : 30));
        case "--lateness": return await LatenessBenchmark.RunAsync(args, root);
        case "--detection": return await DetectionBenchmark.RunAsync(args, root);
    }
}

return await ApiBench.RunAsync(root, Option("--runs", quick ? 1 : 3), Option("--rounds", quick ? 20 : 150), Option("--articles", quick ? 50 : 200));

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

int[] Sizes(string fallback)
{
    var index = Array.IndexOf(args, "--sizes");
    var text = index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    return [.. text.Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture))];
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "InfoFloPay.Functions.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
