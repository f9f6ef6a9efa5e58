using System.Security.Cryptography;
using System.Text;
using InfoFloPay.Domain;
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

    /// <summary>The index layout <see cref="IndexOf"/> writes; <see cref="TicketIndexUpgrade"/> re-indexes tickets stored
    /// under an older one. Bump it whenever <see cref="IndexOf"/> changes.</summary>
    public const int IndexVersion = 3;

    /// <summary>The row that records which index layout every stored ticket has been brought to.</summary>
    public const string IndexVersionRow = "meta|index-version";

    /// <summary>One status (new, pending, resolved): <c>st|{status}|…</c>, open ones newest created first, resolved newest resolved first.</summary>
    public static string StatusPrefix(TicketStatus status) => $"st|{EnumText.Of(status)}|";

    /// <summary>One assignee's tickets (<see cref="Unassigned"/> for nobody's), then the status group.</summary>
    public static string AssigneePrefix(string? assignee, string group) => $"asg|{AssigneeKey(assignee)}|{group}|";

    /// <summary>One priority's tickets, then the status group.</summary>
    public static string PriorityPrefix(TicketPriority priority, string group) => $"pri|{EnumText.Of(priority)}|{group}|";

    /// <summary>Open tickets in one SLA standing (at risk, breached), newest first.</summary>
    public static string SlaStandingPrefix(TicketSlaStanding standing) => standing == TicketSlaStanding.Breached ? "breach|" : "risk|";

    /// <summary>The assignee's key segment: the lower-cased email escaped for a RowKey, or <c>-</c> for nobody (no email is "-").</summary>
    public static string AssigneeKey(string? assignee) => string.IsNullOrEmpty(assignee) ? Unassigned : StorageKey.Escape(assignee.ToLowerInvariant());

    public const string Unassigned = "-";

    /// <summary>Every index row that lists <paramref name="ticket"/> in its current state.</summary>
    public static IReadOnlySet<string> IndexOf(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var created = StorageKey.NewestFirst(ticket.CreatedAt);
        var inGroup = ticket.IsOpen ? created : StorageKey.NewestFirst(ticket.ClosedGroupSince ?? ticket.UpdatedAt);
        var group = ticket.IsOpen ? $"open|{created}" : $"closed|{inGroup}";
        var all = $"all|{created}|{ticket.Id}";
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            $"{group}|{ticket.Id}",
            all,
            $"{StatusPrefix(ticket.Status)}{inGroup}|{ticket.Id}",
            $"asg|{AssigneeKey(ticket.Assignee)}|{group}|{ticket.Id}",
            $"asg|{AssigneeKey(ticket.Assignee)}|{all}",
            $"pri|{EnumText.Of(ticket.Priority)}|{group}|{ticket.Id}",
            $"pri|{EnumText.Of(ticket.Priority)}|{all}",
            SlaReportRows.Key(SlaReportRows.EasternDay(ticket.CreatedAt), ticket.Id),
        };
        if (ticket.CustomerId is { } customer)
        {
            keys.Add($"cust|{customer}|{group}|{ticket.Id}");
            keys.Add($"cust|{customer}|{all}");
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

        if (TicketSlaStandings.Of(ticket) is not TicketSlaStanding.None and var standing)
        {
            keys.Add($"{SlaStandingPrefix(standing)}{created}|{ticket.Id}");
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
