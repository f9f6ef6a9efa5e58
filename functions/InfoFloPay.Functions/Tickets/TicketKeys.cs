using System.Security.Cryptography;
using System.Text;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// The RowKeys of the desk's single partition in the <c>tickets</c> table (see docs/tickets.md). Each kind of row
/// has its own prefix, so every read is a point read or one RowKey range.
/// </summary>
public static class TicketKeys
{
    public const string Partition = "desk";

    public const string Counter = "counter|tickets";

    public static string Ticket(string id) => "ticket|" + id;

    public static string Event(string id, string eventId) => $"event|{id}|{eventId}";

    public static string EventsOf(string id) => $"event|{id}|";

    public static string Outbox(DateTimeOffset at, string id, string eventId) => $"outbox|{StorageKey.OldestFirst(at)}|{id}|{eventId}";

    public const string OutboxPrefix = "outbox|";

    public static string Idempotency(string callerEmail, string key) => "idem|" + Hash(callerEmail.ToLowerInvariant() + "\n" + key);

    public const string QueuePrefix = "queue|";

    public const string SlaPrefix = "sla|";

    public static string Sla(DateTimeOffset due, string id) => $"{SlaPrefix}{StorageKey.OldestFirst(due)}|{id}";

    /// <summary>The list-index prefix: desk-wide or one customer's, then the status group.</summary>
    public static string ListPrefix(string? customerId, string group) => customerId is null ? group + "|" : $"cust|{customerId}|{group}|";

    /// <summary>Every index row that lists <paramref name="ticket"/> in its current state.</summary>
    public static IReadOnlySet<string> IndexOf(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var created = StorageKey.NewestFirst(ticket.CreatedAt);
        var group = ticket.IsOpen
            ? $"open|{created}"
            : $"closed|{StorageKey.NewestFirst(ticket.ClosedGroupSince ?? ticket.UpdatedAt)}";
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            $"{group}|{ticket.Id}",
            $"all|{created}|{ticket.Id}",
        };
        if (ticket.CustomerId is { } customer)
        {
            keys.Add($"cust|{customer}|{group}|{ticket.Id}");
            keys.Add($"cust|{customer}|all|{created}|{ticket.Id}");
        }

        if (ticket.Status == TicketStatus.New)
        {
            keys.Add($"{QueuePrefix}{(int)ticket.Priority}|{StorageKey.OldestFirst(ticket.CreatedAt)}|{ticket.Id}");
        }

        // One due-time row per ticket: the sooner of its next SLA checkpoint and its page's next escalation step.
        if (DueAt(ticket) is { } due)
        {
            keys.Add(Sla(due, ticket.Id));
        }

        return keys;
    }

    /// <summary>The next instant something is due on the ticket: the sooner of its SLA checkpoint and its page's next
    /// escalation step; null when nothing is.</summary>
    public static DateTimeOffset? DueAt(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        DateTimeOffset? a = ticket.Sla.NextCheckpointAt, b = ticket.Paging?.NextEscalationAt;
        return a is null ? b : b is null ? a : (a < b ? a : b);
    }

    /// <summary>
    /// An email that belongs to a ticket, by its Message-ID: an inbound mail's receipt (committed with the ticket or
    /// reply it became) or a notification the desk sent. Intake threads replies through these rows.
    /// </summary>
    public static string Mail(string messageId) => "mail|" + Hash(messageId);

    public static string NotificationEventId(string notificationKey) => "n-" + Hash(notificationKey);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
