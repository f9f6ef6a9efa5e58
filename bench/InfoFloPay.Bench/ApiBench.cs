using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InfoFloPay.Bench;

/// <summary>
/// Each operation over HTTP through the local host, one at a time in round-robin (create, get, list page, queue,
/// triage, reply, SLA sweep, article search), each followed by its raw Azurite baseline: the storage requests made
/// while the caller waited, replayed in order without the app. After an operation the host settles (bus handlers,
/// notification emails to the ACS contract server, outbox clean-up); those storage requests count towards the
/// operation as "async", their time does not.
/// </summary>
public static class ApiBench
{
    private sealed record Operation(string Name, Func<int, Task> Run);

    private sealed class Samples
    {
        public List<double> Api { get; } = [];

        public List<double> Raw { get; } = [];

        public List<int> Requests { get; } = [];

        public List<int> AsyncRequests { get; } = [];

        public List<int> RunStart { get; } = [];

        public Dictionary<StorageRequestKind, int> Kinds { get; } = [];

        /// <summary>Entities read (rows returned) and written (rows in batches, inserts, updates, deletes), async included.</summary>
        public List<(int Read, int Written)> Entities { get; } = [];
    }

    public static async Task<int> RunAsync(string root, int runs, int rounds, int articles)
    {
        await using var host = await BenchHost.StartAsync(root);
        var raw = await RawReplay.StartAsync(host.Unrecorded);
        await SeedArticlesAsync(host, articles);

        var customer = (Email: BenchHost.CustomerEmail, Roles: Array.Empty<string>());
        var agent = (Email: BenchHost.AgentEmail, Roles: new[] { "Support.Agent" });
        var description = new string('x', 600);
        var ticket = "";
        Operation[] operations =
        [
            new("create", async n =>
            {
                var created = await host.CallAsync(HttpMethod.Post, "/api/tickets", customer.Email, customer.Roles,
                    $$"""{"subject":"Payout {{n}} declined","description":"{{description}}"}""", $"bench-{n}");
                ticket = JsonNode.Parse(created)!["id"]!.GetValue<string>();
            }),
            new("get", _ => host.CallAsync(HttpMethod.Get, $"/api/tickets/{ticket}", customer.Email, customer.Roles)),
            new("list page (open, top 25)", _ => host.CallAsync(HttpMethod.Get, "/api/tickets?status=open&top=25", customer.Email, customer.Roles)),
            new("queue", _ => host.CallAsync(HttpMethod.Get, "/api/queue", agent.Email, agent.Roles)),
            new("triage", _ => host.CallAsync(HttpMethod.Post, $"/api/tickets/{ticket}/triage", agent.Email, agent.Roles,
                $$"""{"priority":"high","assignee":"{{BenchHost.AgentEmail}}"}""")),
            new("reply", n => host.CallAsync(HttpMethod.Post, $"/api/tickets/{ticket}/replies", agent.Email, agent.Roles,
                $$"""{"body":"We are on it ({{n}}).","internal":false}""")),
            new("SLA sweep", _ => host.CallAsync(HttpMethod.Post, "/admin/functions/SweepSla", BenchHost.ManagerEmail, ["Support.Manager"], "")),
            new("article search", _ => host.CallAsync(HttpMethod.Get, "/api/articles?q=payout%20declined", customer.Email, customer.Roles)),
        ];

        var samples = operations.ToDictionary(o => o.Name, _ => new Samples());
        var warmUp = Math.Min(20, Math.Max(3, rounds / 10));
        var n = 0;
        var wall = Stopwatch.StartNew();
        for (var run = 0; run < runs; run++)
        {
            foreach (var s in samples.Values)
            {
                s.RunStart.Add(s.Api.Count);
            }

            for (var round = -warmUp; round < rounds; round++)
            {
                if (run > 0 && round < 0)
                {
                    continue;
                }

                foreach (var operation in operations)
                {
                    n++;
                    host.Recorder.Take();
                    var api = Stopwatch.StartNew();
                    await operation.Run(n);
                    api.Stop();
                    var requests = host.Recorder.Take();
                    await host.SettleAsync();
                    var afterwards = host.Recorder.Take();
                    var baseline = Stopwatch.StartNew();
                    await raw.ReplayAsync(requests);
                    baseline.Stop();
                    if (round >= 0)
                    {
                        var s = samples[operation.Name];
                        s.Api.Add(api.Elapsed.TotalMilliseconds);
                        s.Raw.Add(baseline.Elapsed.TotalMilliseconds);
                        s.Requests.Add(requests.Count);
                        s.AsyncRequests.Add(afterwards.Count);
                        s.Entities.Add(EntitiesOf(requests.Concat(afterwards)));
                        foreach (var request in requests.Concat(afterwards))
                        {
                            s.Kinds[request.Kind] = s.Kinds.GetValueOrDefault(request.Kind) + 1;
                        }
                    }
                }
            }
        }

        wall.Stop();
        Print(operations, samples, runs, rounds, articles, wall.Elapsed, host);
        return host.Acs.Refused == 0 ? 0 : 1;
    }

    private static async Task SeedArticlesAsync(BenchHost host, int count)
    {
        string[] topics = ["payout", "refund", "chargeback", "card declined", "webhook", "login", "iban", "3ds", "settlement", "api key"];
        for (var n = 0; n < count; n++)
        {
            var topic = topics[n % topics.Length];
            await host.CallAsync(HttpMethod.Put, $"/api/articles/kb-{n:0000}", BenchHost.AgentEmail, ["Support.Agent"],
                $$"""{"title":"{{topic}} troubleshooting {{n}}","body":"When a {{topic}} fails, check the dashboard, the logs and the {{topics[(n + 3) % topics.Length]}} settings. Step {{n}}.","tags":["{{topic}}"]}""");
        }

        await host.SettleAsync();
    }

    private static void Print(Operation[] operations, Dictionary<string, Samples> samples, int runs, int rounds, int articles, TimeSpan wall, BenchHost host)
    {
        Console.WriteLine($"Local host over HTTP (Kestrel, loopback) on Azurite in memory, in-process bus, ACS contract server; {runs} run(s) × {rounds} rounds, one operation at a time, {articles} articles, {Environment.ProcessorCount} cores, {wall.TotalSeconds:0} s.");
        Console.WriteLine();
        Console.WriteLine("| operation | p50 ms | p95 ms | p99 ms | ops/s (1 client) | p50 spread across runs | storage requests/op: in request + async (kinds) | entities read + written/op | raw Azurite p50 / p95 ms | API p50 ÷ raw p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|---:|---:|---:|");
        foreach (var operation in operations)
        {
            var s = samples[operation.Name];
            var perRun = Enumerable.Range(0, runs)
                .Select(r => s.Api.GetRange(s.RunStart[r], (r + 1 < runs ? s.RunStart[r + 1] : s.Api.Count) - s.RunStart[r]))
                .Select(run => Stats.Percentile(run, 50))
                .ToList();
            var p50 = Stats.Percentile(s.Api, 50);
            var rawP50 = Stats.Percentile(s.Raw, 50);
            var kinds = string.Join(", ", s.Kinds.OrderByDescending(k => k.Value).Select(k => $"{Stats.Number(k.Value / (double)s.Api.Count, "0.##")} {Describe(k.Key)}"));
            Console.WriteLine(
                $"| {operation.Name} | {Stats.Ms(p50)} | {Stats.Ms(Stats.Percentile(s.Api, 95))} | {Stats.Ms(Stats.Percentile(s.Api, 99))} " +
                $"| {Stats.Number(1000 / s.Api.Average())} | {Stats.Ms(perRun.Min())}–{Stats.Ms(perRun.Max())} " +
                $"| {Stats.Number(s.Requests.Average(), "0.##")} + {Stats.Number(s.AsyncRequests.Average(), "0.##")} ({kinds}) | {Stats.Number(s.Entities.Average(e => e.Read), "0.#")} + {Stats.Number(s.Entities.Average(e => e.Written), "0.#")} | {Stats.Ms(rawP50)} / {Stats.Ms(Stats.Percentile(s.Raw, 95))} | {Stats.Number(p50 / rawP50, "0.0")}× |");
        }

        Console.WriteLine();
        Console.WriteLine($"ACS contract server: {host.Acs.Accepted} emails accepted, {host.Acs.Refused} refused. Raw Azurite: the in-request storage requests replayed in order through the SDK on a scratch table; ops/s = 1000 ÷ mean latency of one client.");
    }

    private static (int Read, int Written) EntitiesOf(IEnumerable<StorageRequest> requests)
    {
        var (read, written) = (0, 0);
        foreach (var request in requests)
        {
            switch (request.Kind)
            {
                case StorageRequestKind.PointRead:
                    read += request.Found ? 1 : 0;
                    break;
                case StorageRequestKind.Query:
                    read += request.Rows;
                    break;
                case StorageRequestKind.Batch or StorageRequestKind.Insert or StorageRequestKind.Update or StorageRequestKind.Delete:
                    written += request.Rows;
                    break;
                default:
                    break;
            }
        }

        return (read, written);
    }

    private static string Describe(StorageRequestKind kind) => kind switch
    {
        StorageRequestKind.PointRead => "point reads",
        StorageRequestKind.Query => "queries",
        StorageRequestKind.Batch => "batches",
        StorageRequestKind.Insert => "inserts",
        StorageRequestKind.Update => "updates",
        StorageRequestKind.Delete => "deletes",
        _ => "other",
    };
}
