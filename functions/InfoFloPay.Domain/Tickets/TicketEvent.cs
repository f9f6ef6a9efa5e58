namespace InfoFloPay.Domain.Tickets;

/// <summary>One entry of a ticket's timeline. Only the fields its <see cref="Kind"/> needs are set.</summary>
public sealed record TicketEvent
{
    /// <summary>Six-digit sequence within the ticket (<c>000001</c>), or <c>n-…</c> for a recorded notification, <c>r-…</c>
    /// for routing's note that it found nobody.</summary>
    public required string Id { get; init; }

    public required string TicketId { get; init; }

    public required TicketEventKind Kind { get; init; }

    public required EventVisibility Visibility { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required EventActor Actor { get; init; }

    public string? Body { get; init; }

    public TicketStatus? FromStatus { get; init; }

    public TicketStatus? ToStatus { get; init; }

    public TicketPriority? Priority { get; init; }

    /// <summary>On triage: the priority before it, so "became urgent" is told apart from "was already urgent".</summary>
    public TicketPriority? FromPriority { get; init; }

    public string? Assignee { get; init; }

    public string? Note { get; init; }

    /// <summary>For notifications: email or pager; for SLA events: which target; for routed events: the routing mode
    /// (<c>suggest</c> or <c>auto</c>).</summary>
    public string? Channel { get; init; }

    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>For SLA events: the due time of the target they are about.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>True on the staff reply that set the ticket's first response time.</summary>
    public bool? FirstResponse { get; init; }
}

public sealed record EventActor(string Email, string? Name, string Role);
