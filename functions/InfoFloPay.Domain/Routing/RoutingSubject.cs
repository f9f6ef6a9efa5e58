using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Routing;

/// <summary>What of a ticket routing looks at.</summary>
public sealed record RoutingSubject(string? CustomerId, string? Category, TicketPriority Priority)
{
    public static RoutingSubject Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new RoutingSubject(ticket.CustomerId, ticket.Category, ticket.Priority);
    }
}

/// <summary>Who routing chose and why, in words the timeline shows.</summary>
public sealed record RoutingChoice(string Email, string Reason);
