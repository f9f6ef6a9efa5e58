using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>Published outbox rows are deleted off the request path, many per transaction, and a failure loses nothing.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class OutboxCleanupTests(AzuriteFixture azurite)
{
    private readonly StorageRoundTripCounter _counter = new();

    [Fact]
    public async Task Rows_published_together_are_deleted_in_shared_transactions_of_at_most_one_hundred()
    {
        using var desk = new TicketDesk(azurite, _counter);
        var keys = await AddOutboxRowsAsync(desk, 150);
        await desk.Store.GetAsync("IFP-1", default); // the store's table handle is ready, so only deletes are counted
        _counter.Reset();

        desk.Cleanup.Enqueue(keys);
        await desk.Cleanup.WhenIdleAsync();

        Assert.Equal(2, _counter.Count);
        Assert.Empty(await OutboxRowsAsync(desk));
    }

    [Fact]
    public async Task A_row_the_relay_deleted_already_does_not_keep_the_others_alive()
    {
        using var desk = new TicketDesk(azurite);
        var keys = await AddOutboxRowsAsync(desk, 5);
        await desk.TicketsTable.DeleteEntityAsync(TicketKeys.Partition, keys[2]);

        desk.Cleanup.Enqueue(keys);
        await desk.Cleanup.WhenIdleAsync();

        Assert.Empty(await OutboxRowsAsync(desk));
    }

    [Fact]
    public async Task A_failed_delete_leaves_the_rows_for_the_relay_and_the_next_publish_still_gets_cleaned_up()
    {
        using var desk = new TicketDesk(azurite);
        var keys = await AddOutboxRowsAsync(desk, 4);
        // Same rows, but a store whose requests storage refuses (wrong account key): every delete fails with 403.
        var refused = new TableClient(desk.Tables.Uri, desk.TicketsTable.Name, new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])));
        using var failingStore = new TicketStore(new EnsuredTable(refused));
        var failing = new OutboxCleanup(failingStore, NullLogger<OutboxCleanup>.Instance);

        failing.Enqueue(keys[..2]);
        await failing.WhenIdleAsync();
        Assert.Equal(4, (await OutboxRowsAsync(desk)).Count);

        desk.Cleanup.Enqueue(keys);
        await desk.Cleanup.WhenIdleAsync();
        Assert.Empty(await OutboxRowsAsync(desk));
    }

    [Fact]
    public async Task Every_create_leaves_no_outbox_row_once_the_cleanup_is_idle_even_when_fifty_run_at_once()
    {
        using var desk = new TicketDesk(azurite, _counter);
        await desk.RegisterAccountsAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => desk.OpenAsync(TicketDesk.CustomerA, $"Parallel {n}")));
        await desk.Cleanup.WhenIdleAsync();

        Assert.Equal(50, desk.Bus.Sent.Count);
        Assert.Empty(await OutboxRowsAsync(desk));
    }

    private static async Task<string[]> AddOutboxRowsAsync(TicketDesk desk, int count)
    {
        await desk.TicketsTable.CreateIfNotExistsAsync();
        var keys = Enumerable.Range(0, count).Select(n => $"{TicketKeys.OutboxPrefix}{n:D6}|IFP-{n}|000001").ToArray();
        foreach (var chunk in keys.Chunk(TicketStore.MaxBatch))
        {
            await desk.TicketsTable.SubmitTransactionAsync(chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(TicketKeys.Partition, key))));
        }

        return keys;
    }

    private static async Task<List<TableEntity>> OutboxRowsAsync(TicketDesk desk) =>
        [.. (await desk.AllRowsAsync()).Where(row => row.RowKey.StartsWith(TicketKeys.OutboxPrefix, StringComparison.Ordinal))];
}
