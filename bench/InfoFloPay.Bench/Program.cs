using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.Bench;
using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.DevHost.Settings;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

// dotnet run -c Release --project bench/InfoFloPay.Bench -- [--ops 2000] [--parallel 8]
// dotnet run -c Release --project bench/InfoFloPay.Bench -- --lateness [--runs 3] [--tickets 1000] [--sweep 10000]
if (args.Contains("--lateness")) return await LatenessBenchmark.RunAsync(args, FindRepositoryRoot());
var operations = Option("--ops", 2000);
var parallelism = Option("--parallel", 8);
var root = FindRepositoryRoot();

using var azurite = await AzuriteProcess.StartAsync(root);
var counter = new StorageRoundTripCounter();
var tableOptions = new TableClientOptions();
tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var tables = new TableServiceClient(azurite.ConnectionString, tableOptions);

// The local host on Kestrel (real sockets), its storage client carrying the counter.
var builder = DevHostApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
builder.Configuration
    .AddLocalSettingsFile(Path.Combine(root, "local.settings.sample.json"))
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["DevHost:Timers:Enabled"] = "false",
        ["Sla:PolicyFile"] = Path.Combine(root, "functions", "InfoFloPay.Functions", "Sla", "sla-policy.json"),
        ["Logging:LogLevel:Default"] = "Warning",
    });
builder.Services.Replace(ServiceDescriptor.Singleton(tables));

// Service Bus accepts a topic message whether or not a subscriber exists yet; the local bus refuses unknown entities.
builder.Services.Replace(ServiceDescriptor.Singleton<IMessageSender, DiscardingMessageSender>());
await using var app = DevHostApplication.Build(builder);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };

const string CustomerEmail = "bench@acme.test";
using (var put = await Send(HttpMethod.Put, "/api/customers/acme", "olivia.ops@infoflopay.example", ["Support.Manager"], """{"name":"Acme","tier":"reserve","emailDomains":["acme.test"],"members":[]}"""))
{
    put.EnsureSuccessStatusCode();
}

var tickets = app.Services.GetRequiredService<TicketService>();
var caller = Caller.Customer(CustomerEmail, "Bench", "acme");
var description = new string('x', 600);

// Warm up every path once (table creation, id block, caller cache); Workload adds a longer warm-up per row.
var raw = tables.GetTableClient("rawinserts");
await raw.CreateIfNotExistsAsync();
await raw.AddEntityAsync(RawRow());
var template = await tickets.CreateAsync(new NewTicketRequest("warm-up", description, null, null, null, null), caller, TicketChannel.Api, "template", default);
using (var warm = await Send(HttpMethod.Post, "/api/tickets", CustomerEmail, [], $$"""{"subject":"warm-up","description":"{{description}}"}"""))
{
    warm.EnsureSuccessStatusCode();
}

// The raw baseline for create: exactly the rows a create writes (ticket, index rows, events, outbox, idempotency
// claim), copied from a real create under fresh ids, inserted as the same one batch without the API around it.
var store = app.Services.GetRequiredService<TicketStore>();
var templateEvents = await store.GetEventsAsync(template.Ticket.Id, null, default);
var rawCreates = tables.GetTableClient("rawcreates");
await rawCreates.CreateIfNotExistsAsync();
var rawBatches = Enumerable.Range(0, operations + 200).Select(n =>
{
    var id = $"IFP-{9_000_000 + n}";
    var change = new TicketChange(template.Ticket with { Id = id }, [.. templateEvents.Select(e => e with { TicketId = id })]);
    return TicketStore.CreateBatch(change, new IdempotencyClaim(TicketKeys.Idempotency(CustomerEmail, $"raw-{n}"), "hash")).Actions;
}).ToArray();
var rowsPerCreate = rawBatches[0].Count;

var cleanup = app.Services.GetRequiredService<OutboxCleanup>();
Func<Task> deferredDeletes = cleanup.WhenIdleAsync;
var serviceIds = new string[operations + 200];
var httpIds = new string[operations + 200];
var results = new List<Measurement>
{
    await Workload.RunAsync("raw Azurite insert (1 entity)", "baseline", operations, parallelism, counter, _ => raw.AddEntityAsync(RawRow())),
    await Workload.RunAsync($"raw Azurite batch (the {rowsPerCreate} rows of one create)", "baseline", operations, parallelism, counter, n =>
        rawCreates.SubmitTransactionAsync(rawBatches[n])),
    await Workload.RunAsync("create — TicketService", "≤ 3 round-trips", operations, parallelism, counter, async n =>
        serviceIds[n] = (await tickets.CreateAsync(new NewTicketRequest($"Bench {n}", description, null, null, null, null), caller, TicketChannel.Api, $"svc-{n}", default)).Ticket.Id,
        deferredDeletes),
    await Workload.RunAsync("create — HTTP via local host", "≤ 3 round-trips", operations, parallelism, counter, async n =>
    {
        using var response = await Send(HttpMethod.Post, "/api/tickets", CustomerEmail, [], $$"""{"subject":"Bench {{n}}","description":"{{description}}"}""", $"http-{n}");
        response.EnsureSuccessStatusCode();
        httpIds[n] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }, deferredDeletes),
    await Workload.RunAsync("get — TicketService", "1 round-trip", operations, parallelism, counter, n => tickets.GetAsync(serviceIds[n], caller, default)),
    await Workload.RunAsync("get — HTTP via local host", "1 round-trip", operations, parallelism, counter, async n =>
    {
        using var response = await Send(HttpMethod.Get, $"/api/tickets/{httpIds[n]}", CustomerEmail, [], null);
        response.EnsureSuccessStatusCode();
    }),
    await Workload.RunAsync("list page (top 25) — TicketService", "1 round-trip", Math.Max(50, operations / 4), parallelism, counter, _ =>
        tickets.ListAsync(new TicketListRequest("open", null, null, null, null, "25", null), caller, default)),
    await Workload.RunAsync("list page (top 25) — HTTP via local host", "1 round-trip", Math.Max(50, operations / 4), parallelism, counter, async _ =>
    {
        using var response = await Send(HttpMethod.Get, "/api/tickets?status=open&top=25", CustomerEmail, [], null);
        response.EnsureSuccessStatusCode();
    }),
};

Console.WriteLine($"Azurite (in memory), {operations} operations per row, {parallelism} in parallel, {Environment.ProcessorCount} cores.");
Console.WriteLine();
Console.WriteLine("| operation | ops | ops/s | storage round-trips per op | target |");
Console.WriteLine("|---|---:|---:|---:|---|");
foreach (var m in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {m.Operation} | {m.Operations} | {m.PerSecond:0} | {m.RoundTripsPerOperation:0.00} | {m.Target} |"));
}

var (rawRate, batchRate) = (results[0].PerSecond, results[1].PerSecond);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"create vs raw inserts of the same {rowsPerCreate} rows: service {results[2].PerSecond / batchRate:P0}, HTTP {results[3].PerSecond / batchRate:P0} (target ≥ 67%)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"create vs raw single-entity inserts: service {results[2].PerSecond / rawRate:P0}, HTTP {results[3].PerSecond / rawRate:P0} (a create writes {rowsPerCreate} rows)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"get vs raw single inserts: service {results[4].PerSecond / rawRate:P0}, HTTP {results[5].PerSecond / rawRate:P0} (target ≥ 67%)"));
await app.StopAsync();
return 0;

TableEntity RawRow(string partition = "raw") => new(partition, Guid.NewGuid().ToString("N")) { ["Doc"] = description };

async Task<HttpResponseMessage> Send(HttpMethod method, string path, string email, string[] roles, string? body, string? idempotencyKey = null)
{
    using var request = new HttpRequestMessage(method, path);
    request.Headers.Add(PrincipalHeader.Name, PrincipalHeader.For(email, roles));
    if (idempotencyKey is not null)
    {
        request.Headers.Add("Idempotency-Key", idempotencyKey);
    }

    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    }

    return await http.SendAsync(request);
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
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
