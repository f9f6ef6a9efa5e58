using Azure;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Tickets;

public sealed record StoredTicket(Ticket Ticket, ETag ETag)
{
    /// <summary>The index rows the stored row lists (its <c>IndexKeys</c> column) when this was read from the store, so a
    /// change can be written over this read without reading the row again; null when it was not read from storage.</summary>
    internal string? IndexKeys { get; init; }
}

/// <summary>A committed change and the outbox rows written with it, still to be published.</summary>
public sealed record CommittedChange(Ticket Ticket, ETag ETag, IReadOnlyList<PendingMessage> Outbox);

public sealed record PendingMessage(string RowKey, HelpdeskEvent Event);

/// <summary>
/// A claimed Idempotency-Key (or an inbound mail's receipt): the hash of the request that claimed it, and for receipts
/// what was done with it (<see cref="Outcome"/>). It commits in the same batch as the change it guards.
/// </summary>
public sealed record IdempotencyClaim(string RowKey, string RequestHash)
{
    public string? Outcome { get; init; }
}

/// <summary>
/// What the first request with an Idempotency-Key produced. <see cref="Ticket"/> is null for a row under the key that no
/// claim wrote — the desk's record of a mail it sent (<c>MailThreadIndex</c>) shares the <c>mail|</c> keys with inbound
/// receipts: the key is taken, by no claimant (<see cref="RequestHash"/> is empty).
/// </summary>
public sealed record IdempotencyRecord(string RequestHash, Ticket? Ticket)
{
    public string? Outcome { get; init; }
}

public sealed record TicketPage(IReadOnlyList<Ticket> Items, string? ContinuationToken);

/// <summary>A list request after validation and scoping; <see cref="TicketListPlan"/> turns it into one index range
/// plus filters. <see cref="Assignee"/> is a lower-cased email, or empty for unassigned tickets; <see cref="Search"/> is
/// a ticket id or subject words.</summary>
public sealed record TicketListQuery(string? CustomerId, TicketListStatus Status, string? Assignee, TicketPriority? Priority, DateTimeOffset? ClosedSince, int Top, string? ContinuationToken)
{
    public TicketSlaStanding Sla { get; init; }

    public string? Search { get; init; }
}

/// <summary>The status filter of a list: the groups (open = new, open, pending; closed = resolved, closed; all) or one status.</summary>
public enum TicketListStatus
{
    Open,
    Closed,
    All,
    New,
    Pending,
    Resolved,
}
