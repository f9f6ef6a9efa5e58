using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;

namespace InfoFloPay.IntegrationTests.Sla;

/// <summary>
/// The sweep reads the tickets that are due through the due-time index, never the open tickets at large: over 10,000
/// open tickets of which 10 are due, what it reads grows with the 10, not the 10,000. Counts, not timings, so CI can gate on them.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SlaSweepStorageReadTests(AzuriteFixture azurite) : IDisposable
{
    private const int OpenTickets = 10_000;
    private const int DueTickets = 10;

    private readonly TicketDesk _desk = TicketDesk.WithShippedSla(azurite);

    [Fact]
    public async Task A_sweep_over_ten_thousand_open_tickets_of_which_ten_are_due_reads_only_the_ten()
    {
        await SeedAsync();
        var roundTrips = new StorageRoundTripCounter();
        var entities = new TableEntitiesReadCounter();
        var options = new TableClientOptions();
        options.AddPolicy(roundTrips, HttpPipelinePosition.PerRetry);
        options.AddPolicy(entities, HttpPipelinePosition.PerRetry);
        var counted = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(_desk.TicketsTable.Name);

        var result = await _desk.Sweep(counted).RunAsync(CancellationToken.None);

        Assert.Equal((DueTickets, DueTickets), (result.DueTickets, result.Notices));
        Assert.Equal(DueTickets, _desk.SlaMessages().Count);

        // Per due ticket: its index row (the range query) and its ticket row (re-read for the ETag of the conditional batch).
        Assert.True(entities.Count <= (2 * DueTickets) + 2, $"the sweep read {entities.Count} entities");

        // One range query; per due ticket a read, the batch and the outbox clean-up; plus creating the table if needed.
        Assert.True(roundTrips.Count <= (3 * DueTickets) + 3, $"the sweep made {roundTrips.Count} storage round trips");
    }

    /// <summary>Rows as the ticket store writes them (ticket, list and SLA index rows), 100 to a batch, straight to storage.</summary>
    private async Task SeedAsync()
    {
        await _desk.TicketsTable.CreateIfNotExistsAsync();
        var now = TicketDesk.Start.AddHours(5);
        _desk.Clock.SetUtcNow(now);
        var rows = new List<TableEntity>();
        for (var n = 1; n <= OpenTickets; n++)
        {
            // The due ones were opened yesterday (their first response is overdue); the rest a moment ago.
            var createdAt = n <= DueTickets ? now.AddDays(-1) : now.AddMinutes(-n % 50);
            var ticket = new Ticket
            {
                Id = $"IFP-{n}",
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
            ticket = ticket with { Sla = _desk.Sla.Evaluate(ticket, now) };
            var index = TicketKeys.IndexOf(ticket);
            rows.Add(TicketRows.TicketRow(ticket, index));
            rows.AddRange(TicketRows.IndexRows(ticket, index));
        }

        Assert.Equal(DueTickets, rows.Count(row =>
            row.RowKey.StartsWith(TicketKeys.SlaPrefix, StringComparison.Ordinal) && string.CompareOrdinal(row.RowKey, TicketKeys.Sla(now, "~")) < 0));
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, cancellationToken) =>
            await _desk.TicketsTable.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), cancellationToken));
    }

    public void Dispose() => _desk.Dispose();
}
