using System.Text.Json.Serialization;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>A support ticket. Immutable: every change is made by <see cref="TicketLifecycle"/>, which also says what happened.</summary>
public sealed record Ticket
{
    public required string Id { get; init; }

    public string? CustomerId { get; init; }

    public required Requester Requester { get; init; }

    public required string Subject { get; init; }

    public required string Description { get; init; }

    public string? Category { get; init; }

    public TicketChannel Channel { get; init; }

    public TicketStatus Status { get; init; }

    public TicketPriority Priority { get; init; }

    public string? Assignee { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FirstRespondedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public required TicketSla Sla { get; init; }

    /// <summary>The last time a resolved ticket was reopened; the SLA resolution clock restarts there.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>Every stretch spent in pending (the current one open-ended): the SLA clocks stand still then.</summary>
    public IReadOnlyList<SlaPause> Pauses { get; init; } = [];

    /// <summary>Keys of the SLA warnings and breaches already announced, so none is announced twice.</summary>
    public IReadOnlyList<string> SentSlaNotices { get; init; } = [];

    /// <summary>The owner routing suggests (<c>Routing__Mode=suggest</c>) for a person to confirm at triage; null when
    /// routing has suggested nobody.</summary>
    public string? SuggestedAssignee { get; init; }

    /// <summary>The page an urgent ticket set off and whether anyone acknowledged it; null for a ticket never paged.</summary>
    public TicketPaging? Paging { get; init; }

    /// <summary>How many timeline events the lifecycle has appended; numbers the next one.</summary>
    public int EventCount { get; init; }

    [JsonIgnore]
    public bool IsOpen => Status is TicketStatus.New or TicketStatus.Open or TicketStatus.Pending;

    /// <summary>When the ticket last left the open group (resolved or closed), for "recently closed".</summary>
    [JsonIgnore]
    public DateTimeOffset? ClosedGroupSince => ClosedAt ?? ResolvedAt;
}
