namespace InfoFloPay.Domain.Tickets;

/// <summary>Bodies of the ticket actions as sent; <see cref="TicketRules"/> turns them into checked values.</summary>
public sealed record TriageRequest(string? Priority, string? Assignee);

public sealed record ReplyRequest(string? Body, bool? Internal);

public sealed record StatusChangeRequest(string? Status, string? Note);
