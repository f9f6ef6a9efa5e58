using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.DevHost.Settings;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Sla;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.Bench;

/// <summary>
/// <c>--lateness</c>: how late the due messages fire on the local host's in-process bus in real time, and how long the
/// sweep (the safety net) takes over a backlog. Each run, on its own Azurite:
/// <list type="number">
/// <item>puts <c>--tickets</c> (1,000) unanswered tickets in storage (rows as the ticket store writes them), opened over
/// the last minute under a policy of six minutes to respond, warned a minute ahead, round the clock, and schedules each
/// one's due message as the store's change path does; so the warnings fall due over one minute, starting a minute later,
/// and the breaches over the minute after. Nothing but the scheduled <c>sla-due</c> messages acts (timers are off, no
/// sweep runs), and what they set off (outbox, notifications to the local outbox) runs too. Lateness is each
/// <c>sla-warning</c> / <c>sla-breached</c> event's <c>occurredAt</c> (the instant the handler decided) after its due
/// instant (the target's <c>dueAt</c>, less the lead for a warning).</item>
/// <item>seeds <c>--sweep</c> (10,000) overdue tickets straight into storage (rows as the ticket store writes them) and
/// times one <see cref="SlaSweep"/> over them, counting its storage requests. Its messages go nowhere (as a remote Service
/// Bus would take them), so the run measures the sweep, not the notifications it sets off.</item>
/// </list>
/// dotnet run -c Release --project bench/InfoFloPay.Bench -- --lateness [--runs 3] [--tickets 1000] [--sweep 10000] [--sweep-runs 1]
/// </summary>
public static class LatenessBenchmark
{
    // Tickets are opened over the minute before seeding starts, so the first warning falls due Respond - Lead - 1 min
    // after it: four minutes leaves seeding (about a minute on a loaded machine) out of the measured lateness.
    private static readonly TimeSpan Respond = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var runs = Option(args, "--runs", 3);
        var ticketCount = Option(args, "--tickets", 1000);
        var sweepCount = Option(args, "--sweep", 10_000);
        var sweepRuns = Option(args, "--sweep-runs", 1);
        var policyFile = Path.Combine(Path.GetTempPath(), $"lateness-policy-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(policyFile, MinutePolicy());
        var lateness = new List<LatenessRun>();
        var sweeps = new List<SweepRun>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                lateness.Add(await DueMessagesAsync(root, policyFile, ticketCount));
                Console.WriteLine(lateness[^1].Describe(run));
            }

            for (var run = 1; run <= sweepRuns; run++)
            {
                sweeps.Add(await SweepAsync(root, policyFile, sweepCount));
                Console.WriteLine(sweeps[^1].Describe(run));
            }
        }
        finally
        {
            File.Delete(policyFile);
        }

        LatenessReport.Print(ticketCount, sweepCount, lateness, sweeps);
        return 0;
    }

    private static async Task<LatenessRun> DueMessagesAsync(string root, string policyFile, int ticketCount)
    {
        using var azurite = await AzuriteProcess.StartAsync(root);
        await using var app = await StartHostAsync(root, azurite.ConnectionString, policyFile, configure: null);

        // Opened over the last minute, so their warnings fall due over the minute starting a minute from now (and their
        // breaches over the minute after). Each gets its due message as the ticket store's change path schedules it.
        var now = DateTimeOffset.UtcNow;
        var opening = Stopwatch.StartNew();
        var tickets = await SeedAsync(
            app.Services.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), app.Services.GetRequiredService<PolicySla>(), ticketCount, now,
            n => now - TimeSpan.FromMinutes(1) + (TimeSpan.FromMinutes(1) * n / ticketCount), prefix: 200_000);
        var due = app.Services.GetRequiredService<SlaDueMessages>();
        await Parallel.ForEachAsync(tickets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ticket, token) => await due.ScheduleAsync(ticket, token));
        opening.Stop();
        if (DateTimeOffset.UtcNow > now + Respond - Lead - TimeSpan.FromMinutes(1))
        {
            Console.WriteLine("  seeding outlasted the time to the first warning: this run's lateness includes seeding time");
        }

        var lastBreach = now + Respond;
        await Task.Delay(lastBreach - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20));
        var bus = app.Services.GetRequiredService<InProcessServiceBus>();
        var store = app.Services.GetRequiredService<TicketStore>();
        var warnings = new List<double>();
        var breaches = new List<double>();
        // Until the bus is idle with every warning and breach recorded, or ten minutes past the last breach: what has
        // not fired by then is reported as missing.
        var deadline = lastBreach + TimeSpan.FromMinutes(10);
        while (true)
        {
            var idle = await IdleAsync(bus);
            if (idle || DateTimeOffset.UtcNow > deadline)
            {
                (warnings, breaches) = await ReadLatenessAsync(store, [.. tickets.Select(ticket => ticket.Id)]);
                if ((warnings.Count == ticketCount && breaches.Count == ticketCount) || DateTimeOffset.UtcNow > deadline)
                {
                    break;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {DateTimeOffset.UtcNow:HH:mm:ss} waiting for the bus ({(DateTimeOffset.UtcNow - lastBreach).TotalSeconds:0} s past the last breach; warnings {warnings.Count}/{ticketCount}, breaches {breaches.Count}/{ticketCount} so far)"));
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        await app.StopAsync();
        return new LatenessRun(ticketCount, opening.Elapsed, warnings, breaches);
    }

    private static async Task<bool> IdleAsync(InProcessServiceBus bus)
    {
        try
        {
            await bus.WhenIdleAsync(TimeSpan.FromSeconds(30));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<(List<double> Warnings, List<double> Breaches)> ReadLatenessAsync(TicketStore store, string[] ids)
    {
        var warnings = new List<double>();
        var breaches = new List<double>();
        foreach (var id in ids)
        {
            foreach (var e in await store.GetEventsAsync(id, null, default))
            {
                if (e is { Kind: TicketEventKind.SlaWarning, DueAt: { } warned })
                {
                    warnings.Add((e.OccurredAt - (warned - Lead)).TotalSeconds);
                }
                else if (e is { Kind: TicketEventKind.SlaBreached, DueAt: { } due })
                {
                    breaches.Add((e.OccurredAt - due).TotalSeconds);
                }
            }
        }

        return (warnings, breaches);
    }

    private static async Task<SweepRun> SweepAsync(string root, string policyFile, int count)
    {
        using var azurite = await AzuriteProcess.StartAsync(root);
        var counter = new StorageRoundTripCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        await using var app = await StartHostAsync(root, azurite.ConnectionString, policyFile, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(tables));
            services.Replace(ServiceDescriptor.Singleton<IMessageSender, RemoteBusStandIn>());
        });

        // Opened an hour ago and never answered: each is one breach due.
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), app.Services.GetRequiredService<PolicySla>(), count, now, n => now.AddHours(-1).AddSeconds(n % 600), prefix: 100_000);
        seeding.Stop();

        // The storage's own speed on this machine, for scale: point reads of the seeded ticket rows, 8 at a time.
        var table = tables.GetTableClient(HelpdeskTables.Tickets);
        var reads = Math.Min(count, 1000);
        var raw = Stopwatch.StartNew();
        await Parallel.ForAsync(0, reads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, token) =>
            await table.GetEntityAsync<TableEntity>(TicketKeys.Partition, TicketKeys.Ticket(string.Create(CultureInfo.InvariantCulture, $"IFP-{100_000 + n}")), cancellationToken: token));
        raw.Stop();

        var sweep = app.Services.GetRequiredService<SlaSweep>();
        counter.Reset();
        var timing = Stopwatch.StartNew();
        var result = await sweep.RunAsync(default);
        timing.Stop();
        var requests = counter.Count;
        await app.StopAsync();
        var baseline = await RawSweepAsync(root, policyFile, count);
        return new SweepRun(count, seeding.Elapsed, timing.Elapsed, requests, result, reads / raw.Elapsed.TotalSeconds, baseline);
    }

    /// <summary>
    /// The sweep's storage work with no desk around it, on its own Azurite seeded the same way: per ticket, 8 at a time,
    /// a point read of the ticket row, one batch that replaces it, writes the index rows the breach changes (the same
    /// <see cref="TicketRows.IndexRowsToWrite"/> the ticket store uses), deletes the ones it drops and adds an event row and
    /// an outbox row, then the outbox row's delete. Azurite's in-memory store pays for every replaced or deleted row in
    /// proportion to the rows the table holds, so this is the floor the sweep itself can reach here.
    /// </summary>
    private static async Task<TimeSpan> RawSweepAsync(string root, string policyFile, int count)
    {
        using var azurite = await AzuriteProcess.StartAsync(root);
        await using var app = await StartHostAsync(root, azurite.ConnectionString, policyFile, configure: null);
        var now = DateTimeOffset.UtcNow;
        var seeded = await SeedAsync(app.Services.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), app.Services.GetRequiredService<PolicySla>(), count, now, n => now.AddHours(-1).AddSeconds(n % 600), prefix: 100_000);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(HelpdeskTables.Tickets);
        var padding = new string('x', 400);
        var escalation = new SlaEscalation(app.Services.GetRequiredService<PolicySla>());
        var timing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = SlaSweepOptions.DefaultParallelism }, async (ticket, token) =>
        {
            var row = (await table.GetEntityAsync<TableEntity>(TicketKeys.Partition, TicketKeys.Ticket(ticket.Id), cancellationToken: token)).Value;
            var before = TicketKeys.IndexOf(ticket);
            var breached = escalation.Escalate(ticket, now)?.Ticket ?? throw new InvalidOperationException($"{ticket.Id} was seeded due but is not.");
            var after = TicketKeys.IndexOf(breached);
            var outbox = new TableEntity(TicketKeys.Partition, $"rawout|{ticket.Id}") { ["Doc"] = padding };
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, TicketRows.TicketRow(breached, after), row.ETag) };
            actions.AddRange(TicketRows.IndexRowsToWrite(ticket, before, breached, after).Select(index => new TableTransactionAction(TableTransactionActionType.UpsertReplace, index)));
            actions.AddRange(before.Except(after).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TicketKeys.Partition, key), ETag.All)));
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(TicketKeys.Partition, $"rawevt|{ticket.Id}") { ["Doc"] = padding }));
            actions.Add(new(TableTransactionActionType.Add, outbox));
            await table.SubmitTransactionAsync(actions, token);
            await table.DeleteEntityAsync(outbox, ETag.All, token);
        });
        timing.Stop();
        await app.StopAsync();
        return timing.Elapsed;
    }

    /// <summary>Rows as the ticket store writes them (ticket, list and SLA index rows), 100 to a batch, straight to
    /// storage: high-priority tickets nobody answered, opened at <paramref name="openedAt"/>(n).</summary>
    private static async Task<List<Ticket>> SeedAsync(EnsuredTable tickets, PolicySla sla, int count, DateTimeOffset now, Func<int, DateTimeOffset> openedAt, int prefix)
    {
        var table = await tickets.GetAsync();
        var seeded = new List<Ticket>();
        var rows = new List<TableEntity>();
        for (var n = 0; n < count; n++)
        {
            var createdAt = openedAt(n);
            var ticket = new Ticket
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"IFP-{prefix + n}"),
                Requester = new Requester("Cara Customer", $"cara{n}@customer.example"),
                Subject = $"Payouts failing {n}",
                Description = "Every payout returns 502.",
                Channel = TicketChannel.Portal,
                Status = TicketStatus.Open,
                Priority = TicketPriority.High,
                Assignee = "ava.agent@infoflopay.example",
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
                EventCount = 1,
                Sla = new TicketSla { Tier = "essentials" },
            };
            ticket = ticket with { Sla = sla.Evaluate(ticket, now) };
            var index = TicketKeys.IndexOf(ticket);
            seeded.Add(ticket);
            rows.Add(TicketRows.TicketRow(ticket, index));
            rows.AddRange(TicketRows.IndexRows(ticket, index));
        }

        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), token));
        return seeded;
    }

    private static async Task<WebApplication> StartHostAsync(string root, string storage, string policyFile, Action<IServiceCollection>? configure)
    {
        var builder = DevHostApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Configuration
            .AddLocalSettingsFile(Path.Combine(root, "local.settings.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = storage,
                ["DevHost:Timers:Enabled"] = "false",
                ["RateLimits:Enabled"] = "false",
                ["Sla:PolicyFile"] = policyFile,
                ["Logging:LogLevel:Default"] = "Warning",
            });
        configure?.Invoke(builder.Services);
        var app = DevHostApplication.Build(builder);
        await app.StartAsync();
        return app;
    }

    /// <summary>Every row: six minutes to respond, no resolution target, round the clock, warned a minute ahead.</summary>
    private static string MinutePolicy()
    {
        var tiers = new JsonObject();
        foreach (var tier in new[] { "essentials", "reserve", "vip" })
        {
            var priorities = new JsonObject();
            foreach (var priority in new[] { "urgent", "high", "medium", "low" })
            {
                priorities[priority] = new JsonObject { ["firstResponse"] = System.Xml.XmlConvert.ToString(Respond), ["resolution"] = null, ["calendar"] = "24x7", ["warningLead"] = System.Xml.XmlConvert.ToString(Lead) };
            }

            tiers[tier] = priorities;
        }

        return new JsonObject
        {
            ["calendar"] = JsonNode.Parse("""{"timeZone":"America/New_York","workingDays":["monday","tuesday","wednesday","thursday","friday"],"workingHours":{"start":"08:00","end":"17:00"},"usFederalHolidays":true,"holidays":[]}"""),
            ["tiers"] = tiers,
        }.ToJsonString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Takes sends and schedules as a remote Service Bus would, and does nothing with them here.</summary>
    private sealed class RemoteBusStandIn : IMessageSender
    {
        public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ScheduleAsync(string entityName, OutgoingMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
