using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Tickets;

/// <summary>A ticket as API.md shows it. List items leave out the description.</summary>
public sealed record TicketResponse(
    string Id,
    string? CustomerId,
    Requester Requester,
    string Subject,
    string? Description,
    string? Category,
    TicketChannel Channel,
    TicketStatus Status,
    TicketPriority Priority,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    SlaResponse Sla)
{
    public static TicketResponse From(Ticket ticket, bool withDescription = true)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Id, ticket.CustomerId, ticket.Requester, ticket.Subject, withDescription ? ticket.Description : null, ticket.Category,
            ticket.Channel, ticket.Status, ticket.Priority, ticket.Assignee, ticket.CreatedAt, ticket.UpdatedAt, ticket.FirstRespondedAt,
            ticket.ResolvedAt, ticket.ClosedAt,
            new SlaResponse(ticket.Sla.Tier, ticket.Sla.FirstResponseDueAt, ticket.Sla.ResolutionDueAt, ticket.Sla.Paused, ticket.Sla.Breaches));
    }
}

public sealed record SlaResponse(string Tier, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt, bool Paused, IReadOnlyList<SlaBreach> Breaches);

public sealed record TicketListResponse(IReadOnlyList<TicketResponse> Items, string? ContinuationToken);
