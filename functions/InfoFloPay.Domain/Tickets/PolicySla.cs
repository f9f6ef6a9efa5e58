using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The ticket's SLA from the SLA policy: its timeline facts go through <see cref="SlaClock"/>, and the next instant
/// the sweep must look at it comes from <see cref="SlaEscalationPlanner"/> (indexed by the ticket store).
/// </summary>
public sealed class PolicySla(SlaClock clock) : ISlaCalculator
{
    public TicketSla Evaluate(Ticket ticket, DateTimeOffset now) => Evaluate(ticket, Measure(ticket, now));

    /// <summary>The ticket's SLA from a <paramref name="state"/> already measured for it (the notices it has been sent
    /// do not change where its clocks stand).</summary>
    public static TicketSla Evaluate(Ticket ticket, SlaState state)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(state);
        var sent = ticket.SentSlaNotices.ToHashSet(StringComparer.Ordinal);
        return new TicketSla
        {
            Tier = EnumText.Of(state.Tier),
            FirstResponseDueAt = state.FirstResponseDueAt,
            ResolutionDueAt = state.ResolutionDueAt,
            Paused = state.Paused,
            Breaches = state.Breaches,
            Calendar = state.Targets.Calendar,
            FirstResponseMetAt = state.FirstResponse.MetAt,
            ResolutionMetAt = state.Resolution?.MetAt,
            FirstResponseBusinessSeconds = ticket.FirstRespondedAt is { } reply && state.FirstResponse.StoppedAt == reply && state.FirstResponse.Elapsed is { } elapsed
                ? (long)elapsed.TotalSeconds
                : null,

            // A closed ticket has nothing left to escalate.
            NextCheckpointAt = ticket.Status == TicketStatus.Closed ? null : SlaEscalationPlanner.NextCheckpoint(state, sent),
        };
    }

    /// <summary>Where each of the ticket's SLA clocks stands at <paramref name="now"/>.</summary>
    public SlaState Measure(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var tier = EnumText.TryParse<SlaTier>(ticket.Sla.Tier, out var known) ? known : SlaTier.Essentials;
        var timeline = new SlaTimeline(
            ticket.CreatedAt,
            tier,
            Enum.Parse<SlaPriority>(ticket.Priority.ToString()),
            FirstPublicStaffReplyAt: ticket.FirstRespondedAt,
            ResolvedAt: ticket.Status is TicketStatus.Resolved or TicketStatus.Closed ? ticket.ResolvedAt ?? ticket.ClosedAt : null,
            ReopenedAt: ticket.ReopenedAt,
            Pauses: ticket.Pauses);
        return clock.Evaluate(timeline, now);
    }
}
