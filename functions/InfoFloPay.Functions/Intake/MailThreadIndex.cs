using Azure;
using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Intake;

/// <summary>
/// Which ticket an email belongs to, by Message-ID: rows <c>mail|{hash}</c> in the tickets partition. Inbound mails get
/// theirs (the receipt) in the same batch as the ticket or reply they became; each notification the desk sends gets one
/// here, so a reply that names it in In-Reply-To or References threads back to its ticket.
/// </summary>
public sealed class MailThreadIndex(EnsuredTable table)
{
    /// <summary>Remembers that the desk sent <paramref name="messageId"/> for <paramref name="ticketId"/>; a repeat is a no-op.</summary>
    public async Task RecordSentAsync(string messageId, string ticketId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var client = await table.GetAsync().ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(
                new TableEntity(TicketKeys.Partition, TicketKeys.Mail(messageId)) { ["TicketId"] = ticketId, ["Direction"] = "outbound" },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by an earlier delivery attempt of the same notification.
        }
    }

    /// <summary>The tickets the given Message-IDs belong to, in the order of the ids, each once; unknown ids are skipped.
    /// One query, whatever the number of ids.</summary>
    public async Task<IReadOnlyList<string>> TicketsOfAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return [];
        }

        var keys = messageIds.Select(TicketKeys.Mail).ToList();
        var anyKey = string.Join(" or ", keys.Select(key => TableClient.CreateQueryFilter($"RowKey eq {key}")));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition}") + $" and ({anyKey})";
        var client = await table.GetAsync().ConfigureAwait(false);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in client.QueryAsync<TableEntity>(filter, select: ["RowKey", "TicketId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("TicketId") is { Length: > 0 } ticketId)
            {
                found[row.RowKey] = ticketId;
            }
        }

        return [.. keys.Where(found.ContainsKey).Select(key => found[key]).Distinct(StringComparer.Ordinal)];
    }
}
