namespace InfoFloPay.Domain.Tickets;

/// <summary>A create request that passed <see cref="TicketRules"/>: trimmed, within limits, caller-appropriate.</summary>
public sealed record NewTicket(
    string Subject,
    string Description,
    Requester Requester,
    string? CustomerId,
    TicketPriority Priority,
    string? Category,
    TicketChannel Channel);
