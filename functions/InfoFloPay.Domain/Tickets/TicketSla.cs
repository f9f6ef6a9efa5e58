using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The SLA state a ticket carries. <see cref="NextCheckpointAt"/> is the next instant the SLA sweep must look at the
/// ticket (a warning, a breach); the ticket store indexes it so the sweep reads only tickets that are due.
/// </summary>
public sealed record TicketSla
{
    public required string Tier { get; init; }

    public DateTimeOffset? FirstResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public bool Paused { get; init; }

    public IReadOnlyList<SlaBreach> Breaches { get; init; } = [];

    public DateTimeOffset? NextCheckpointAt { get; init; }

    /// <summary>The calendar the policy row's targets run on, so a reader can say "business hours"; null for a ticket
    /// last evaluated before this was recorded (or with no policy).</summary>
    public SlaCalendarKind? Calendar { get; init; }
}
