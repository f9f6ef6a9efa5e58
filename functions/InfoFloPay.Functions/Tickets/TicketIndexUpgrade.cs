using Azure;
using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Brings tickets stored under an older index layout (a desk upgraded from before <see cref="TicketKeys.IndexVersion"/>)
/// to the current one, so every list shows what it would had each ticket been written today. Each ticket is re-indexed in
/// one batch conditional on the ETag it was read with: the missing index rows are written, the stale ones deleted, and
/// its <c>IndexKeys</c> merged. A ticket changed meanwhile fails that batch and is skipped, since the change that won
/// already wrote the current layout; so concurrent instances (and a crash half-way) are safe and a rerun is idempotent.
/// The version row, written last, makes later start-ups a single point read.
/// </summary>
public sealed class TicketIndexUpgrade(EnsuredTable table, ILogger<TicketIndexUpgrade> logger)
{
    /// <summary>Re-indexes what needs it; returns how many tickets this run re-indexed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var marker = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, TicketKeys.IndexVersionRow, ["Version"], cancellationToken).ConfigureAwait(false);
        if (marker.HasValue && marker.Value!.GetInt32("Version") >= TicketKeys.IndexVersion)
        {
            return 0;
        }

        var reindexed = 0;
        var from = TicketKeys.Ticket(string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {from} and RowKey lt {from + StorageKey.RangeEnd}");
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var ticket = TicketRows.ToTicket(row);
            var before = TicketRows.IndexKeysOf(row.GetString("IndexKeys"));
            var after = TicketKeys.IndexOf(ticket);
            if (before.SetEquals(after))
            {
                continue;
            }

            var indexKeys = TicketRows.TicketRow(ticket, after)["IndexKeys"];
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateMerge, new TableEntity(TicketKeys.Partition, row.RowKey) { ["IndexKeys"] = indexKeys }, row.ETag),
            };
            actions.AddRange(TicketRows.IndexRows(ticket, after).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
            actions.AddRange(before.Except(after).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TicketKeys.Partition, key), ETag.All)));
            try
            {
                await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                reindexed++;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && ex.FailedTransactionActionIndex is 0 or null)
            {
                logger.LogInformation("Ticket {TicketId} changed while being re-indexed; the change wrote the current index", ticket.Id);
            }
        }

        await client.UpsertEntityAsync(
            new TableEntity(TicketKeys.Partition, TicketKeys.IndexVersionRow) { ["Version"] = TicketKeys.IndexVersion },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        if (reindexed > 0)
        {
            logger.LogInformation("Re-indexed {Tickets} tickets to index layout {IndexVersion}", reindexed, TicketKeys.IndexVersion);
        }

        return reindexed;
    }
}

/// <summary>Runs <see cref="TicketIndexUpgrade"/> once at start-up, in the background: a desk already on the current layout
/// pays one point read; a storage outage is logged and the next start-up tries again.</summary>
internal sealed class TicketIndexUpgradeService(TicketIndexUpgrade upgrade, ILogger<TicketIndexUpgradeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await upgrade.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning(ex, "Ticket index upgrade did not finish; the next start-up resumes it");
        }
    }
}
