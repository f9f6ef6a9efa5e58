using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// The journal in table <c>notifications</c>: partition = ticket id (the timeline is one partition query), row = a
/// hash of the delivery key (keys hold '/' and addresses, which row keys may not), so "was it sent?" is a point read.
/// </summary>
public sealed class TableNotificationJournal(TableServiceClient tables, string tableName = TableNotificationJournal.DefaultTableName)
    : INotificationJournal
{
    public const string DefaultTableName = "notifications";

    // EnsuredTable forgets a failed creation, so a storage blip at first use does not fail every later message.
    private readonly EnsuredTable _table = new(tables.GetTableClient(tableName));

    public async Task<bool> WasSentAsync(string ticketId, string deliveryKey, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync().ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ticketId, RowKey(deliveryKey), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString(nameof(NotificationRecord.Outcome)) == nameof(NotificationOutcome.Sent);
    }

    public async Task RecordAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await _table.GetAsync().ConfigureAwait(false);
        var entity = new TableEntity(record.TicketId, RowKey(record.DeliveryKey))
        {
            [nameof(NotificationRecord.DeliveryKey)] = record.DeliveryKey,
            [nameof(NotificationRecord.EventId)] = record.EventId,
            [nameof(NotificationRecord.Channel)] = record.Channel,
            [nameof(NotificationRecord.Recipient)] = record.Recipient,
            [nameof(NotificationRecord.Kind)] = record.Kind,
            [nameof(NotificationRecord.Outcome)] = record.Outcome.ToString(),
            [nameof(NotificationRecord.At)] = record.At,
            [nameof(NotificationRecord.Detail)] = record.Detail,
        };
        // Upsert: a delivery that failed before and succeeds on redelivery replaces its failure.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string ticketId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync().ConfigureAwait(false);
        var records = new List<NotificationRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ticketId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(new NotificationRecord(
                entity.PartitionKey,
                entity.GetString(nameof(NotificationRecord.DeliveryKey)),
                entity.GetString(nameof(NotificationRecord.EventId)),
                entity.GetString(nameof(NotificationRecord.Channel)),
                entity.GetString(nameof(NotificationRecord.Recipient)),
                entity.GetString(nameof(NotificationRecord.Kind)),
                Enum.Parse<NotificationOutcome>(entity.GetString(nameof(NotificationRecord.Outcome))),
                entity.GetDateTimeOffset(nameof(NotificationRecord.At)) ?? default)
            {
                Detail = entity.GetString(nameof(NotificationRecord.Detail)),
            });
        }

        return [.. records.OrderBy(record => record.At)];
    }

    private static string RowKey(string deliveryKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)));
}
