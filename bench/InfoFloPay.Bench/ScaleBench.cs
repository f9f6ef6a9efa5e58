using System.Diagnostics;
using Azure.Data.Tables;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Bench;

/// <summary>
/// Point reads, index lists and the SLA sweep at 1k, 10k, 100k tickets. A bounded generator writes the tickets' rows
/// straight into the desk partition (the ticket row and its index rows as <see cref="TicketKeys.IndexOf"/> and
/// <see cref="TicketRows"/> make them; no events or outbox) in batches of up to 100 rows, a few batches in flight; each
/// size adds to the previous one. Then each read is sampled over HTTP through the local host, with its storage requests
/// and the rows storage returned.
/// </summary>
public static class ScaleBench
{
    private const int RowsPerBatch = 100;
    private const int BatchesInFlight = 4;

    private static readonly string[] Agents = [BenchHost.AgentEmail, "ben.agent@infoflopay.example"];

    public static async Task<int> RunAsync(string root, IReadOnlyList<int> sizes, int samples)
    {
        await using var host = await BenchHost.StartAsync(root);
        var template = (await host.Services.GetRequiredService<TicketService>().CreateAsync(
            new NewTicketRequest("template", new string('x', 600), null, null, null, null),
            Caller.Customer(BenchHost.CustomerEmail, "Bench", "acme"), TicketChannel.Api, "scale-template", default)).Ticket;
        await host.SettleAsync();
        var desk = host.Unrecorded.GetTableClient("tickets");
        var agent = (Email: BenchHost.AgentEmail, Roles: new[] { "Support.Agent" });
        var random = new Random(7);
        var written = 0;
        var now = DateTimeOffset.UtcNow;

        Console.WriteLine($"Scale run: local host over HTTP on Azurite in memory, {samples} samples per read per size, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| tickets | read | p50 ms | p95 ms | storage requests/op | rows returned/op | same reads on raw Azurite p50 ms |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var generate = Stopwatch.StartNew();
            await GenerateAsync(desk, template, written, size, now);
            generate.Stop();
            Console.Error.WriteLine($"{size} tickets: generated {size - written} in {generate.Elapsed.TotalSeconds:0} s");
            written = size;
            (string Name, Func<string> Path)[] reads =
            [
                ("get (point read)", () => $"/api/tickets/{Id(random.Next(0, size))}"),
                ("triage queue", () => "/api/queue"),
                ("by assignee (open, top 25)", () => $"/api/tickets?status=open&assignee={Uri.EscapeDataString(Agents[0])}&top=25"),
                ("by status (pending, top 25)", () => "/api/tickets?status=pending&top=25"),
                ("at risk (top 25)", () => "/api/tickets?sla=at-risk&top=25"),
                ("breached (top 25)", () => "/api/tickets?sla=breached&top=25"),
                ("by account (open, top 25)", () => "/api/tickets?status=open&customerId=acct007&top=25"),
                ("SLA sweep", () => "/admin/functions/SweepSla"),
            ];
            foreach (var (name, path) in reads)
            {
                var latencies = new List<double>();
                var raw = new List<double>();
                var requests = 0;
                var rows = 0;
                for (var n = -2; n < samples; n++)
                {
                    var target = path();
                    host.Recorder.Take();
                    var clock = Stopwatch.StartNew();
                    if (name == "SLA sweep")
                    {
                        await host.CallAsync(HttpMethod.Post, target, BenchHost.ManagerEmail, ["Support.Manager"], "");
                    }
                    else
                    {
                        await host.CallAsync(HttpMethod.Get, target, agent.Email, agent.Roles);
                    }

                    clock.Stop();
                    await host.SettleAsync();
                    var recorded = host.Recorder.Take();
                    var resend = Stopwatch.StartNew();
                    await RawReplay.ResendReadsAsync(host.Unrecorded, recorded);
                    resend.Stop();
                    if (n >= 0)
                    {
                        raw.Add(resend.Elapsed.TotalMilliseconds);
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                        requests += recorded.Count;
                        rows += recorded.Where(r => r.Kind is StorageRequestKind.Query or StorageRequestKind.PointRead).Sum(r => r.Kind == StorageRequestKind.PointRead ? (r.Found ? 1 : 0) : r.Rows);
                    }
                }

                Console.WriteLine($"| {size:N0} | {name} | {Stats.Ms(Stats.Percentile(latencies, 50))} | {Stats.Ms(Stats.Percentile(latencies, 95))} | {Stats.Number(requests / (double)samples, "0.0")} | {Stats.Number(rows / (double)samples, "0.0")} | {Stats.Ms(Stats.Percentile(raw, 50))} |");
            }
        }

        return 0;
    }

    private static string Id(int n) => $"IFP-{5_000_000 + n}";

    /// <summary>Tickets <paramref name="from"/> to <paramref name="to"/> (exclusive), oldest first, one ticket's rows never split
    /// across batches. Of every 20: 8 new (unassigned, in the queue), 6 open, 4 pending, 2 resolved; one open ticket
    /// in 20 breached, one at risk; 200 accounts, two agents, four priorities. No SLA checkpoint is due.</summary>
    private static async Task GenerateAsync(TableClient desk, Ticket template, int from, int to, DateTimeOffset now)
    {
        using var inFlight = new SemaphoreSlim(BatchesInFlight);
        var pending = new List<Task>();
        var batch = new List<TableTransactionAction>(RowsPerBatch);
        for (var n = from; n < to; n++)
        {
            var ticket = Generated(template, n, to, now);
            var index = TicketKeys.IndexOf(ticket);
            if (batch.Count + index.Count + 1 > RowsPerBatch)
            {
                pending.Add(SubmitAsync(desk, batch, inFlight));
                batch = new List<TableTransactionAction>(RowsPerBatch);
                pending.RemoveAll(t => t.IsCompletedSuccessfully);
            }

            batch.Add(new(TableTransactionActionType.UpsertReplace, TicketRows.TicketRow(ticket, index)));
            batch.AddRange(TicketRows.IndexRows(ticket, index).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        }

        if (batch.Count > 0)
        {
            pending.Add(SubmitAsync(desk, batch, inFlight));
        }

        await Task.WhenAll(pending);
    }

    private static async Task SubmitAsync(TableClient desk, List<TableTransactionAction> batch, SemaphoreSlim inFlight)
    {
        await inFlight.WaitAsync();
        try
        {
            await desk.SubmitTransactionAsync(batch);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static Ticket Generated(Ticket template, int n, int newest, DateTimeOffset now)
    {
        var created = now.AddMinutes(-(newest - n) - 60);
        var status = (n % 20) switch
        {
            < 8 => TicketStatus.New,
            < 14 => TicketStatus.Open,
            < 18 => TicketStatus.Pending,
            _ => TicketStatus.Resolved,
        };
        var sla = template.Sla with
        {
            NextCheckpointAt = now.AddDays(30 + (n % 90)),
            Breaches = n % 20 == 9 ? [new SlaBreach(SlaTargetKind.FirstResponse, created.AddHours(1))] : [],
        };
        return template with
        {
            Id = Id(n),
            CustomerId = $"acct{n % 200:000}",
            Subject = $"Generated ticket {n}",
            Status = status,
            Priority = (TicketPriority)(n % 4),
            Assignee = status == TicketStatus.New ? null : Agents[n % 2],
            CreatedAt = created,
            UpdatedAt = created.AddMinutes(5),
            FirstRespondedAt = status == TicketStatus.New || n % 20 == 10 ? null : created.AddMinutes(5),
            ResolvedAt = status == TicketStatus.Resolved ? created.AddMinutes(30) : null,
            Sla = sla,
            SentSlaNotices = n % 20 == 10 ? [$"{SlaClock.FirstResponseCycle}:warning"] : [],
            Paging = null,
            EventCount = 0,
        };
    }
}
