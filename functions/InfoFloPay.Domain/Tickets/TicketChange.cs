namespace InfoFloPay.Domain.Tickets;

/// <summary>A ticket after a change, and the timeline events that record it (to be stored together).</summary>
public sealed record TicketChange(Ticket Ticket, IReadOnlyList<TicketEvent> Events)
{
    /// <summary>No change at all: nothing to store.</summary>
    public static TicketChange None(Ticket ticket) => new(ticket, []);

    /// <summary>This change followed by <paramref name="next"/>, stored as one.</summary>
    public TicketChange Then(Func<Ticket, TicketChange> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var second = next(Ticket);
        return new TicketChange(second.Ticket, [.. Events, .. second.Events]);
    }
}
