using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>
/// Every console list served from its index rows, checked against a brute-force recomputation from all tickets after
/// random sequences of creates, triages, replies, status moves and SLA sweeps; what a list makes storage read; index rows
/// under concurrent changes; and the re-index of a desk stored under the previous layout.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketIndexListTests(AzuriteFixture azurite)
{
    private static readonly string?[] Statuses = [null, "open", "closed", "all", "new", "pending", "resolved"];
    private static readonly string?[] Assignees = ["bob@infoflopay.com", "sam@infoflopay.com", "none"];
    private static readonly string[] Priorities = ["urgent", "high", "medium", "low"];
    private static readonly string?[] Customers = [null, "acme", "globex"];
    private static readonly string[] Words = ["payout", "login", "refund", "invoice", "export"];

    private static readonly string[] IndexPrefixes = ["open|", "closed|", "all|", "cust|", "queue|", "sla|", "st|", "asg|", "pri|", "risk|", "breach|", SlaReportRows.Prefix];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_list_matches_a_recomputation_from_all_tickets_after_random_operations(int seed)
    {
        using var desk = TicketDesk.WithShippedSla(azurite);
        await desk.RegisterAccountsAsync();
        var random = new Random(seed);
        var ids = new List<string>();
        for (var step = 0; step < 120; step++)
        {
            await RandomOperationAsync(desk, random, ids);
        }

        var tickets = await TicketListOracle.AllTicketsAsync(desk.TicketsTable);
        Assert.Contains(tickets, t => t.Sla.Breaches.Count > 0);
        Assert.Contains(tickets, t => TicketSlaStandings.Of(t) == TicketSlaStanding.AtRisk);
        foreach (var status in Statuses)
        {
            await AssertListAsync(desk, tickets, status);
            foreach (var assignee in Assignees)
            {
                await AssertListAsync(desk, tickets, status, assignee: assignee);
            }

            foreach (var priority in Priorities)
            {
                await AssertListAsync(desk, tickets, status, priority: priority);
            }

            foreach (var customer in Customers.OfType<string>())
            {
                await AssertListAsync(desk, tickets, status, customerId: customer);
            }

            foreach (var sla in new[] { "at-risk", "breached" })
            {
                await AssertListAsync(desk, tickets, status, sla: sla);
            }

            // Combined filters: one index, the rest filtered.
            await AssertListAsync(desk, tickets, status, assignee: "bob@infoflopay.com", priority: "high");
            await AssertListAsync(desk, tickets, status, assignee: "none", customerId: "acme");
            await AssertListAsync(desk, tickets, status, sla: "breached", customerId: "globex");
            await AssertListAsync(desk, tickets, status, priority: "urgent", customerId: "acme");
        }

        // A customer's lists are its own account's, whatever it asks.
        await AssertListAsync(desk, tickets, "open", caller: TicketDesk.CustomerA);
        await AssertListAsync(desk, tickets, "all", assignee: "sam@infoflopay.com", caller: TicketDesk.CustomerB);
        await AssertIndexRowsExactAsync(desk);
    }

    [Fact]
    public async Task Search_finds_a_ticket_by_id_or_subject_words_within_the_list_only()
    {
        using var desk = TicketDesk.WithShippedSla(azurite);
        await desk.RegisterAccountsAsync();
        var random = new Random(7);
        var ids = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            await RandomOperationAsync(desk, random, ids);
        }

        var tickets = await TicketListOracle.AllTicketsAsync(desk.TicketsTable);
        foreach (var status in new[] { "open", "closed", "all" })
        {
            foreach (var q in new[] { "payout", "REFUND export" })
            {
                var words = q.Split(' ');
                var expected = TicketListOracle.Expect(tickets, status, null, null, null, null)
                    .Where(id => words.All(w => tickets.Single(t => t.Id == id).Subject.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
                Assert.Equal(expected, await WalkAsync(desk, new TicketListRequest(status, null, null, null, null, "4", null, Q: q), TicketDesk.Agent));
            }
        }

        var one = tickets[5];
        var inOpen = one.Status is TicketStatus.New or TicketStatus.Open or TicketStatus.Pending;
        Assert.Equal([one.Id], await WalkAsync(desk, new TicketListRequest("all", null, null, null, null, null, null, Q: one.Id.ToLowerInvariant()), TicketDesk.Agent));
        Assert.Equal(inOpen ? [one.Id] : [], await WalkAsync(desk, new TicketListRequest("open", null, null, null, null, null, null, Q: one.Id), TicketDesk.Agent));
    }

    [Fact]
    public async Task A_rare_assignees_list_reads_only_that_assignees_rows_among_two_hundred_open_tickets()
    {
        var requests = new StorageRequestLog();
        using var desk = TicketDesk.WithShippedSla(azurite, requests);
        var bobs = new List<string>();
        for (var n = 0; n < 200; n++)
        {
            var ticket = await desk.OpenOutageAsync(n % 4 == 0 ? "high" : "medium", $"ticket {n}");
            if (n % 70 == 5)
            {
                await desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", "bob@infoflopay.com"), TicketDesk.Agent, null, default);
                bobs.Add(ticket.Id); // opened at one instant, so newest first falls back to id order
            }
        }

        await desk.Cleanup.WhenIdleAsync();
        var unlogged = new TableServiceClient(azurite.ConnectionString).GetTableClient(desk.TicketsTable.Name);

        async Task<(List<string> Ids, int RoundTrips, int RowsWalked)> MeasureAsync(TicketListRequest request)
        {
            requests.Clear();
            var page = await desk.Service.ListAsync(request, TicketDesk.Agent, default);
            return ([.. page.Items.Select(t => t.Id)], requests.Requests.Count, await requests.RowsInRangesAsync(unlogged, TicketKeys.Partition));
        }

        var mine = await MeasureAsync(new TicketListRequest("open", "bob@infoflopay.com", null, null, null, null, null));
        Assert.Equal(bobs, mine.Ids);
        Assert.Equal(1, mine.RoundTrips);
        Assert.Equal(3, mine.RowsWalked);

        var mineHigh = await MeasureAsync(new TicketListRequest("open", "bob@infoflopay.com", "high", null, null, null, null));
        Assert.Equal(bobs, mineHigh.Ids);
        Assert.True(mineHigh.RowsWalked <= 3, $"Bob's high-priority list walked {mineHigh.RowsWalked} rows");

        // A page of a big list reads the page: an unfiltered range stops at top rows.
        var unassigned = await MeasureAsync(new TicketListRequest("open", "none", null, null, null, "25", null));
        Assert.Equal(25, unassigned.Ids.Count);
        Assert.Equal(1, unassigned.RoundTrips);
        Assert.Equal(TicketKeys.AssigneePrefix(string.Empty, "open"), Assert.Single(requests.QueriedRanges()).From);

        var breached = await MeasureAsync(new TicketListRequest("open", null, null, null, null, null, null, Sla: "breached"));
        Assert.Empty(breached.Ids);
        Assert.Equal(0, breached.RowsWalked);
    }

    [Fact]
    public async Task Concurrent_triages_never_leave_a_stale_index_row()
    {
        using var desk = new TicketDesk(azurite);
        for (var round = 0; round < 8; round++)
        {
            var ticket = await desk.OpenAsync(TicketDesk.Agent, $"round {round}");
            var read = await desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default);

            // With the same If-Match: one wins, the other is refused, and the index shows the winner's change.
            var withEtag = await Task.WhenAll(new[] { ("bob@infoflopay.com", "high"), ("sam@infoflopay.com", "low") }.Select(async change =>
            {
                try
                {
                    await desk.Service.TriageAsync(ticket.Id, new TriageRequest(change.Item2, change.Item1), TicketDesk.Agent, read.ETag, default);
                    return change.Item1;
                }
                catch (RequestRejectedException ex) when (ex.Kind == Rejection.Stale)
                {
                    return null;
                }
            }));
            Assert.Single(withEtag, winner => winner is not null);

            // Without If-Match: both apply, one after the other.
            await Task.WhenAll(
                desk.Service.TriageAsync(ticket.Id, new TriageRequest("urgent", "kim@infoflopay.com"), TicketDesk.Agent, null, default),
                desk.OtherInstance().TriageAsync(ticket.Id, new TriageRequest("medium", null), TicketDesk.Manager, null, default));
        }

        await AssertIndexRowsExactAsync(desk);
        var tickets = await TicketListOracle.AllTicketsAsync(desk.TicketsTable);
        foreach (var assignee in new[] { "bob@infoflopay.com", "sam@infoflopay.com", "kim@infoflopay.com", "none" })
        {
            await AssertListAsync(desk, tickets, "open", assignee: assignee);
        }

        foreach (var priority in Priorities)
        {
            await AssertListAsync(desk, tickets, "open", priority: priority);
        }
    }

    [Fact]
    public async Task A_desk_stored_under_the_previous_layout_is_reindexed_once_even_by_two_instances_at_once()
    {
        using var desk = TicketDesk.WithShippedSla(azurite);
        await desk.RegisterAccountsAsync();
        var random = new Random(11);
        var ids = new List<string>();
        for (var step = 0; step < 60; step++)
        {
            await RandomOperationAsync(desk, random, ids);
        }

        await desk.Cleanup.WhenIdleAsync();
        await DowngradeToPreviousLayoutAsync(desk.TicketsTable);
        var stale = await TicketListOracle.AllTicketsAsync(desk.TicketsTable);
        var bob = TicketListOracle.Expect(stale, "open", "bob@infoflopay.com", null, null, null);
        Assert.NotEmpty(bob);
        Assert.Empty((await desk.Service.ListAsync(new TicketListRequest("open", "bob@infoflopay.com", null, null, null, null, null), TicketDesk.Agent, default)).Items);

        var first = new TicketIndexUpgrade(new Functions.Storage.EnsuredTable(desk.TicketsTable), NullLogger<TicketIndexUpgrade>.Instance);
        var second = new TicketIndexUpgrade(new Functions.Storage.EnsuredTable(desk.TicketsTable), NullLogger<TicketIndexUpgrade>.Instance);
        var triaged = ids.First(id => stale.Single(t => t.Id == id).IsOpen);
        var runs = await Task.WhenAll(
            first.RunAsync(default),
            second.RunAsync(default),
            TriageAsync());

        async Task<int> TriageAsync()
        {
            await desk.OtherInstance().TriageAsync(triaged, new TriageRequest("low", "sam@infoflopay.com"), TicketDesk.Agent, null, default);
            return 0;
        }

        Assert.InRange(runs[0] + runs[1], 1, stale.Count);
        Assert.Equal(0, await first.RunAsync(default));
        await AssertIndexRowsExactAsync(desk);
        var tickets = await TicketListOracle.AllTicketsAsync(desk.TicketsTable);
        foreach (var status in Statuses)
        {
            await AssertListAsync(desk, tickets, status, assignee: "bob@infoflopay.com");
            await AssertListAsync(desk, tickets, status, assignee: "sam@infoflopay.com");
            await AssertListAsync(desk, tickets, status, priority: "high");
            await AssertListAsync(desk, tickets, status, sla: "breached");
            await AssertListAsync(desk, tickets, status, customerId: "acme");
        }
    }

    /// <summary>One random step of a desk's day: a ticket opened, triaged, replied to or moved, or time passing with a sweep.</summary>
    private static async Task RandomOperationAsync(TicketDesk desk, Random random, List<string> ids)
    {
        string Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)]?.ToString() ?? string.Empty;
        var subject = $"{Pick(Words)} {Pick(Words)} {random.Next(1000)}";
        var roll = ids.Count < 5 ? 0 : random.Next(10);
        try
        {
            switch (roll)
            {
                case 0 or 1:
                    var caller = random.Next(3) switch { 0 => TicketDesk.CustomerA, 1 => TicketDesk.CustomerB, _ => TicketDesk.Agent };
                    var customerId = caller.IsStaff ? Customers[random.Next(Customers.Length)] : null;
                    var priority = caller.IsStaff ? Pick(Priorities) : null;
                    var created = await desk.Service.CreateAsync(new NewTicketRequest(subject, "details", null, customerId, priority, null), caller, TicketChannel.Api, null, default);
                    ids.Add(created.Ticket.Id);
                    break;
                case 2 or 3:
                    var assignee = random.Next(4) switch { 0 => null, 1 => "sam@infoflopay.com", 2 => "kim@infoflopay.com", _ => "bob@infoflopay.com" };
                    await desk.Service.TriageAsync(Pick(ids), new TriageRequest(Pick(Priorities), assignee), TicketDesk.Agent, null, default);
                    break;
                case 4 or 5:
                    var target = Pick(new[] { "open", "pending", "resolved", "closed", "pending" });
                    await desk.Service.ChangeStatusAsync(Pick(ids), new StatusChangeRequest(target, null), TicketDesk.Agent, null, default);
                    break;
                case 6:
                    await desk.Service.AddReplyAsync(Pick(ids), new ReplyRequest("On it.", false), TicketDesk.Agent, null, default);
                    break;
                case 7:
                    // The requester's own account answers (pending → open); another account's ticket is a 404, skipped.
                    await desk.Service.AddReplyAsync(Pick(ids), new ReplyRequest("Still broken.", false), random.Next(2) == 0 ? TicketDesk.CustomerA : TicketDesk.CustomerB, null, default);
                    break;
                default:
                    desk.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 45)));
                    await desk.SweepAsync();
                    break;
            }
        }
        catch (RequestRejectedException)
        {
            // A move the state machine or the caller's rights refuse: nothing was stored, as in real use.
        }

        desk.Clock.Advance(TimeSpan.FromSeconds(random.Next(1, 90)));
    }

    private static async Task AssertListAsync(
        TicketDesk desk, IReadOnlyList<Ticket> tickets, string? status, string? assignee = null, string? priority = null, string? customerId = null, string? sla = null, Caller? caller = null)
    {
        caller ??= TicketDesk.Agent;
        var scoped = caller.IsStaff ? customerId : caller.CustomerId;
        var expected = TicketListOracle.Expect(tickets, status, assignee, priority, scoped, sla);
        var actual = await WalkAsync(desk, new TicketListRequest(status, assignee, priority, customerId, null, "7", null, Sla: sla), caller);
        Assert.True(
            expected.SequenceEqual(actual),
            $"status={status} assignee={assignee} priority={priority} customer={scoped} sla={sla}: expected [{string.Join(", ", expected)}], listed [{string.Join(", ", actual)}]");
    }

    [Fact]
    public async Task Recording_a_warning_and_a_breach_rewrites_no_list_row_yet_every_list_shows_them()
    {
        using var desk = TicketDesk.WithShippedSla(azurite);
        var ticket = await desk.OpenOutageAsync("high");
        var dueAt = ticket.Sla.FirstResponseDueAt!.Value;
        var listRows = await ListRowETagsAsync(desk, ticket.Id);
        Assert.NotEmpty(listRows);

        desk.Clock.SetUtcNow(dueAt.AddMinutes(-30));
        Assert.Equal(1, (await desk.SweepAsync()).Notices);
        Assert.Equal([ticket.Id], await WalkAsync(desk, new TicketListRequest("open", null, null, null, null, "7", null, Sla: "at-risk"), TicketDesk.Agent));

        desk.Clock.SetUtcNow(dueAt);
        Assert.Equal(1, (await desk.SweepAsync()).Notices);

        Assert.Equal(listRows, await ListRowETagsAsync(desk, ticket.Id));
        var breach = new SlaBreach(SlaTargetKind.FirstResponse, dueAt);
        Assert.Equal([breach], (await desk.GetAsync(ticket.Id)).Sla.Breaches);
        foreach (var request in new[]
        {
            new TicketListRequest("open", null, null, null, null, "7", null),
            new TicketListRequest("open", null, "high", null, null, "7", null),
            new TicketListRequest("open", null, null, null, null, "7", null, Sla: "breached"),
            new TicketListRequest("all", "none", null, null, null, "7", null, Sla: "breached"),
        })
        {
            var listed = Assert.Single((await desk.Service.ListAsync(request, TicketDesk.Agent, default)).Items);
            Assert.Equal(ticket.Id, listed.Id);
            Assert.Equal([breach], listed.Sla.Breaches);
        }

        Assert.Empty((await desk.Service.ListAsync(new TicketListRequest("open", null, null, null, null, "7", null, Sla: "at-risk"), TicketDesk.Agent, default)).Items);
    }

    /// <summary>The ticket's list rows (its SLA due-time, standing and report rows aside), each with its ETag: a row
    /// rewritten gets a new one.</summary>
    private static async Task<Dictionary<string, string>> ListRowETagsAsync(TicketDesk desk, string id) =>
        (await desk.AllRowsAsync())
            .Where(r => r.GetString("TicketId") == id && IndexPrefixes.Except(["sla|", "risk|", "breach|", SlaReportRows.Prefix]).Any(p => r.RowKey.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(r => r.RowKey, r => r.ETag.ToString());

    private static async Task<List<string>> WalkAsync(TicketDesk desk, TicketListRequest request, Caller caller)
    {
        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await desk.Service.ListAsync(request with { ContinuationToken = token }, caller, default);
            Assert.True(page.Items.Count <= int.Parse(request.Top ?? "25", System.Globalization.CultureInfo.InvariantCulture));
            ids.AddRange(page.Items.Select(t => t.Id));
            token = page.ContinuationToken;
            Assert.True(++pages < 200, "the list never ended");
        }
        while (token is not null);

        return ids;
    }

    /// <summary>Each ticket's index rows are exactly those its current state calls for, each carrying its current document.</summary>
    private static async Task AssertIndexRowsExactAsync(TicketDesk desk)
    {
        var rows = await desk.AllRowsAsync();
        var tickets = rows.Where(r => r.RowKey.StartsWith("ticket|", StringComparison.Ordinal)).ToDictionary(r => r.RowKey["ticket|".Length..]);
        var indexRows = rows.Where(r => IndexPrefixes.Any(p => r.RowKey.StartsWith(p, StringComparison.Ordinal))).ToList();
        foreach (var (id, row) in tickets)
        {
            var ticket = TicketListOracle.FromRow(row);
            var expected = TicketKeys.IndexOf(ticket).Order(StringComparer.Ordinal).ToList();
            var mine = indexRows.Where(r => r.GetString("TicketId") == id).ToList();
            Assert.Equal(expected, mine.Select(r => r.RowKey).Order(StringComparer.Ordinal));
            Assert.Equal(string.Join('\n', expected), row.GetString("IndexKeys"));
            // List rows carry the ticket's list view (and the columns lists filter on) as its current row reads; its SLA
            // report row holds only the report's columns, as of now.
            Assert.All(mine.Where(r => !r.RowKey.StartsWith(SlaReportRows.Prefix, StringComparison.Ordinal)), r =>
            {
                var wanted = TicketRows.IndexRows(ticket, [r.RowKey]).Single();
                Assert.All(wanted.Keys.Except(["PartitionKey", "RowKey"]), column => Assert.Equal(wanted[column], r[column]));
            });
            var report = Assert.Single(mine, r => r.RowKey.StartsWith(SlaReportRows.Prefix, StringComparison.Ordinal));
            Assert.Equal(SlaReportRows.Read(SlaReportRows.Row(report.RowKey, ticket)), SlaReportRows.Read(report));
        }

        Assert.All(indexRows, r => Assert.Contains(r.GetString("TicketId"), tickets.Keys));
    }

    /// <summary>Rewrites the table as the code before this index layout left it: only the group, account, queue and SLA-due rows.</summary>
    private static async Task DowngradeToPreviousLayoutAsync(TableClient table)
    {
        string[] previous = ["open|", "closed|", "all|", "cust|", "queue|", "sla|"];
        var rows = await table.QueryAsync<TableEntity>(r => r.PartitionKey == "desk").ToListAsync();
        foreach (var row in rows.Where(r => r.RowKey.StartsWith("ticket|", StringComparison.Ordinal)))
        {
            var keys = row.GetString("IndexKeys").Split('\n');
            var actions = keys.Where(k => !previous.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
                .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("desk", k)))
                .ToList();
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("desk", row.RowKey)
            {
                ["IndexKeys"] = string.Join('\n', keys.Where(k => previous.Any(p => k.StartsWith(p, StringComparison.Ordinal)))),
            }));
            await table.SubmitTransactionAsync(actions);
        }

        await table.DeleteEntityAsync("desk", TicketKeys.IndexVersionRow);
    }
}
