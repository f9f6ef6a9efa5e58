using System.Text.Json.Serialization;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The page an urgent ticket set off. <see cref="PageId"/> is the id of the timeline event that made the ticket urgent
/// (its creation or the triage), so the page's message and its acknowledgement links name the same page; a ticket paged
/// again later (urgent once more) gets a new id, and links to the old page stop working.
/// </summary>
public sealed record TicketPaging
{
    public required string PageId { get; init; }

    public required DateTimeOffset PagedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who acknowledged: the staff member's email, or the paged person's for a link.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>How: <c>console</c> (the acknowledge route), <c>link</c> (the page's one-click link) or <c>reply</c>.</summary>
    public string? AcknowledgedVia { get; init; }

    /// <summary>0 for the first page; N after escalation step N was paged.</summary>
    public int EscalationStep { get; init; }

    /// <summary>When step <see cref="EscalationStep"/> was paged (null before the first step: the page went out at
    /// <see cref="PagedAt"/>). The next step falls due the acknowledgement window after it, as the settings say then.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When the next step is paged if nobody acknowledges; null once acknowledged, after the last step, or when
    /// the ticket is no longer open.</summary>
    public DateTimeOffset? NextEscalationAt { get; init; }

    [JsonIgnore]
    public bool IsAcknowledged => AcknowledgedAt is not null;
}
