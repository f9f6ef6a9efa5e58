using Azure;
using Azure.Data.Tables;

namespace InfoFloPay.Functions.Storage;

/// <summary>Row operations that several stores share.</summary>
internal static class TableRows
{
    /// <summary>Adds <paramref name="entity"/>, or replaces it whole when the row exists (a PUT: the last writer wins);
    /// true when it was added.</summary>
    public static async Task<bool> AddOrReplaceAsync(this TableClient client, ITableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Deletes every row of <paramref name="partition"/>, in transactions of 100.</summary>
    public static async Task DeletePartitionAsync(this TableClient client, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var rows = new List<TableTransactionAction>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }

        foreach (var batch in rows.Chunk(100))
        {
            await client.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
