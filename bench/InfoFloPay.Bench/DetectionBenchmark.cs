using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.DevHost.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Bench;

/// <summary>
/// <c>--detection</c> (issue #16): how long an outage takes to become an incident ticket, in real time. One Azurite and
/// one local host with its timers on, so <c>RunHealthProbes</c> fires on its shipped schedule (<c>PROBE_SCHEDULE</c>,
/// every 10 s). Per configuration (interval × failure threshold: 10 s × 1, 10 s × 3, and 60 s × 1 with <c>--long</c>) and
/// run: a real loopback HTTP health page answers 200 "ok"; a manager <c>PUT</c>s an <c>http</c> target on it; once the
/// state view shows a successful probe, the page is stopped (connection refused) at a random offset within one interval;
/// then the state view is polled until it names the open incident, and the detection time is that ticket's
/// <c>createdAt</c> less the instant the page went down. The target is removed after the run.
/// dotnet run -c Release --project bench/InfoFloPay.Bench -- --detection [--runs 3] [--long]
/// </summary>
public static class DetectionBenchmark
{
    private const int TimeoutSeconds = 5;

    private static readonly string[] Manager = ["Support.Manager"];

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var index = Array.IndexOf(args, "--runs");
        var runs = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var n) ? n : 3;
        List<(int Interval, int Threshold)> configurations = [(10, 1), (10, 3)];
        if (args.Contains("--long"))
        {
            configurations.Add((60, 1));
        }

        using var azurite = await AzuriteProcess.StartAsync(root);
        await using var app = await StartHostAsync(root, azurite.ConnectionString);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var results = new List<DetectionResult>();
        foreach (var (interval, threshold) in configurations)
        {
            var measured = new List<double>();
            var bound = 0;
            for (var run = 1; run <= runs; run++)
            {
                var (seconds, detectionSeconds) = await MeasureAsync(http, $"detect-{interval}x{threshold}-{run}", interval, threshold);
                bound = detectionSeconds;
                measured.Add(seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{interval} s × {threshold}, run {run}: incident {seconds:0.0} s after the page went down (bound {detectionSeconds} s)"));
            }

            results.Add(new DetectionResult(interval, threshold, TimeoutSeconds, bound, measured));
        }

        await app.StopAsync();
        DetectionReport.Print(runs, results);
        return 0;
    }

    /// <summary>One outage: seconds from the page going down to the incident ticket's creation, and the target's
    /// <c>detectionSeconds</c> as the API states it.</summary>
    private static async Task<(double Seconds, int DetectionSeconds)> MeasureAsync(HttpClient http, string name, int interval, int threshold)
    {
        await using var page = await StartHealthPageAsync();
        var put = await CallAsync(http, HttpMethod.Put, $"/api/monitoring/targets/{name}", string.Create(CultureInfo.InvariantCulture,
            $$"""{"kind":"http","url":"{{page.Url}}","intervalSeconds":{{interval}},"failureThreshold":{{threshold}},"timeoutSeconds":{{TimeoutSeconds}},"bodyContains":"ok"}"""));
        var detectionSeconds = put["detectionSeconds"]!.GetValue<int>();

        // Up first: the outage is a change the probes have to see, not a target that never answered.
        await PollAsync(http, name, state => (string?)state["status"] == "up", TimeSpan.FromSeconds(interval * 3));

        // A random phase against the probe schedule: uniform over one whole interval from now.
        await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() * interval));
        var downAt = DateTimeOffset.UtcNow;
        await page.StopAsync();

        var state = await PollAsync(http, name, s => s["openIncident"] is not null, TimeSpan.FromSeconds(detectionSeconds + (interval * 3)));
        var ticket = await CallAsync(http, HttpMethod.Get, $"/api/tickets/{(string)state["openIncident"]!}", null);
        var createdAt = DateTimeOffset.Parse((string)ticket["createdAt"]!, CultureInfo.InvariantCulture);
        using (await http.SendAsync(Request(HttpMethod.Delete, $"/api/monitoring/targets/{name}", null)))
        {
        }

        return ((createdAt - downAt).TotalSeconds, detectionSeconds);
    }

    private static async Task<JsonNode> PollAsync(HttpClient http, string name, Func<JsonNode, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await CallAsync(http, HttpMethod.Get, $"/api/monitoring/targets/{name}?history=0", null);
            if (done(state))
            {
                return state;
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Target {name} did not get there within {within.TotalSeconds:0} s: {state.ToJsonString()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<JsonNode> CallAsync(HttpClient http, HttpMethod method, string path, string? body)
    {
        using var response = await http.SendAsync(Request(method, path, body));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PrincipalHeader.Name, PrincipalHeader.For(BenchHost.ManagerEmail, Manager));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>The local host as shipped, timers on: the probe timer runs on <c>PROBE_SCHEDULE</c> in real time.</summary>
    private static async Task<WebApplication> StartHostAsync(string root, string storage)
    {
        var builder = DevHostApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Configuration
            .AddLocalSettingsFile(Path.Combine(root, "local.settings.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storage,
                ["DevHost:Timers:Enabled"] = "true",
                ["Sla:PolicyFile"] = Path.Combine(root, "functions", "InfoFloPay.Functions", "Sla", "sla-policy.json"),
                ["Logging:LogLevel:Default"] = "Warning",
            });
        var app = DevHostApplication.Build(builder);
        await app.StartAsync();
        return app;
    }

    /// <summary>A real loopback health page: <c>GET /health</c> answers 200 "ok" until it is stopped.</summary>
    private static async Task<HealthPage> StartHealthPageAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("ok"));
        await app.StartAsync();
        return new HealthPage(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/health");
    }

    private sealed class HealthPage(WebApplication app, string url) : IAsyncDisposable
    {
        private bool _stopped;

        public string Url { get; } = url;

        public async Task StopAsync()
        {
            _stopped = true;
            await app.StopAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stopped)
            {
                await app.StopAsync();
            }

            await app.DisposeAsync();
        }
    }
}
