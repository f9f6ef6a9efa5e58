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

    /// <summary>When the first public staff reply met the first-response target; null when it has not (yet).</summary>
    public DateTimeOffset? FirstResponseMetAt { get; init; }

    /// <summary>When resolving met the current cycle's resolution target; null when it has not, or there is none.</summary>
    public DateTimeOffset? ResolutionMetAt { get; init; }

    /// <summary>Working time on the row's calendar from creation to the first public staff reply, pauses not counted, in
    /// whole seconds; null before that reply (or when resolving stopped the clock first). Feeds the SLA report.</summary>
    public long? FirstResponseBusinessSeconds { get; init; }
}
