namespace InfoFloPay.Domain.Tickets;

/// <summary>A ticket after a change, and the timeline events that record it (to be stored together).</summary>
public sealed record TicketChange(Ticket Ticket, IReadOnlyList<TicketEvent> Events);
