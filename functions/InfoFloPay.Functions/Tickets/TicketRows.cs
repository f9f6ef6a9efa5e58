using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Maps tickets and events to table rows. A ticket is stored as a JSON document without its description (which
/// can fill a property of its own); index rows carry its list view (<see cref="TicketListView"/>) so a list page needs no
/// second read.
/// </summary>
internal static class TicketRows
{
    public static TableEntity TicketRow(Ticket ticket, IReadOnlySet<string> indexKeys) => new(TicketKeys.Partition, TicketKeys.Ticket(ticket.Id))
    {
        ["Doc"] = Summary(ticket),
        ["Description"] = ticket.Description,
        ["IndexKeys"] = string.Join('\n', indexKeys.Order(StringComparer.Ordinal)),
    };

    /// <summary>The ticket's rows under <paramref name="keys"/>, its list view serialized once for all of them.</summary>
    public static IEnumerable<TableEntity> IndexRows(Ticket ticket, IEnumerable<string> keys)
    {
        var listDoc = ListDoc(ticket);
        return keys.Select(key => IndexRow(key, ticket, listDoc));
    }

    /// <summary>
    /// The index rows a change from <paramref name="before"/> to <paramref name="after"/> must write: every key new to the
    /// ticket, and every key it keeps whose row would read differently. Each stored index row is the one
    /// <see cref="IndexRows"/> made from the ticket row it was written with, so a kept row that would come out
    /// the same is already right: an SLA warning or breach (which <see cref="TicketListView"/> leaves out of list rows)
    /// rewrites no list row at all.
    /// </summary>
    public static IEnumerable<TableEntity> IndexRowsToWrite(Ticket before, IReadOnlySet<string> beforeKeys, Ticket after, IReadOnlySet<string> afterKeys)
    {
        ArgumentNullException.ThrowIfNull(beforeKeys);
        ArgumentNullException.ThrowIfNull(afterKeys);
        var beforeDoc = ListDoc(before);
        var afterDoc = ListDoc(after);
        foreach (var key in afterKeys)
        {
            var row = IndexRow(key, after, afterDoc);
            if (!beforeKeys.Contains(key) || !SameColumns(row, IndexRow(key, before, beforeDoc)))
            {
                yield return row;
            }
        }
    }

    private static TableEntity IndexRow(string rowKey, Ticket ticket, string listDoc) => rowKey.StartsWith(SlaReportRows.Prefix, StringComparison.Ordinal)
        ? SlaReportRows.Row(rowKey, ticket)
        : new(TicketKeys.Partition, rowKey)
    {
        ["Doc"] = listDoc,
        ["TicketId"] = ticket.Id,
        ["CustomerId"] = ticket.CustomerId ?? string.Empty,
        ["Status"] = EnumText.Of(ticket.Status),
        ["Priority"] = EnumText.Of(ticket.Priority),
        ["Assignee"] = ticket.Assignee?.ToLowerInvariant() ?? string.Empty,
    };

    private static bool SameColumns(TableEntity a, TableEntity b) =>
        a.Count == b.Count && a.All(column => b.TryGetValue(column.Key, out var other) && Equals(column.Value, other));

    public static TableEntity EventRow(TicketEvent e, string? customerId) => new(TicketKeys.Partition, TicketKeys.Event(e.TicketId, e.Id))
    {
        ["Doc"] = JsonSerializer.Serialize(e with { Body = null }, HelpdeskJson.Options),
        ["Body"] = e.Body,
        ["Visibility"] = EnumText.Of(e.Visibility),
        ["CustomerId"] = customerId ?? string.Empty,
    };

    public static Ticket ToTicket(TableEntity row) =>
        JsonSerializer.Deserialize<Ticket>(row.GetString("Doc"), HelpdeskJson.Options)! with { Description = row.GetString("Description") ?? string.Empty };

    public static TicketEvent ToEvent(TableEntity row) =>
        JsonSerializer.Deserialize<TicketEvent>(row.GetString("Doc"), HelpdeskJson.Options)! with { Body = row.GetString("Body") };

    /// <summary>The payload fields that can hold up to 32 KB of text: kept in columns of their own, since JSON escaping
    /// could push the envelope past the 64 KB property limit.</summary>
    private static readonly string[] LongDataFields = ["body", "description"];

    public static TableEntity OutboxRow(PendingMessage message)
    {
        var envelope = JsonSerializer.SerializeToNode(message.Event, HelpdeskJson.Options)!;
        var row = new TableEntity(TicketKeys.Partition, message.RowKey) { ["Type"] = message.Event.Type };
        if (envelope["data"] is JsonObject data)
        {
            foreach (var field in LongDataFields.Where(data.ContainsKey))
            {
                row["Data_" + field] = data[field]?.GetValue<string>();
                data.Remove(field);
            }
        }

        row["Envelope"] = envelope.ToJsonString(HelpdeskJson.Options);
        return row;
    }

    public static PendingMessage ToPendingMessage(TableEntity row)
    {
        var envelope = JsonNode.Parse(row.GetString("Envelope"))!;
        if (envelope["data"] is JsonObject data)
        {
            foreach (var field in LongDataFields)
            {
                if (row.GetString("Data_" + field) is { } text)
                {
                    data[field] = text;
                }
            }
        }

        return new PendingMessage(row.RowKey, envelope.Deserialize<HelpdeskEvent>(HelpdeskJson.Options)!);
    }

    /// <summary>The index rows a ticket row lists in its <c>IndexKeys</c> column.</summary>
    public static IReadOnlySet<string> IndexKeysOf(string? indexKeys) =>
        (indexKeys ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string Summary(Ticket ticket) => JsonSerializer.Serialize(ticket with { Description = string.Empty }, HelpdeskJson.Options);

    private static string ListDoc(Ticket ticket) => JsonSerializer.Serialize(TicketListView.Of(ticket), HelpdeskJson.Options);

    /// <summary>A ticket read from a list row's <c>Doc</c>, as of <paramref name="now"/> (<see cref="TicketListView.AsOf"/>).</summary>
    public static Ticket ToListedTicket(string? doc, DateTimeOffset now) =>
        TicketListView.AsOf(JsonSerializer.Deserialize<Ticket>(doc ?? throw new InvalidOperationException("A list row has no Doc."), HelpdeskJson.Options)!, now);
}
