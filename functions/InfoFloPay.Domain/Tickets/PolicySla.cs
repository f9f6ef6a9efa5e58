using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// The ticket's SLA from the SLA policy: its timeline facts go through <see cref="SlaClock"/>, and the next instant
/// the sweep must look at it comes from <see cref="SlaEscalationPlanner"/> (indexed by the ticket store).
/// </summary>
public sealed class PolicySla(SlaClock clock) : ISlaCalculator
{
    public TicketSla Evaluate(Ticket ticket, DateTimeOffset now)
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
        var state = clock.Evaluate(timeline, now);
        var sent = ticket.SentSlaNotices.ToHashSet(StringComparer.Ordinal);
        return new TicketSla
        {
            Tier = EnumText.Of(tier),
            FirstResponseDueAt = state.FirstResponseDueAt,
            ResolutionDueAt = state.ResolutionDueAt,
            Paused = state.Paused,
            Breaches = state.Breaches,

            // A closed ticket has nothing left to escalate.
            NextCheckpointAt = ticket.Status == TicketStatus.Closed ? null : SlaEscalationPlanner.NextCheckpoint(state, sent),
        };
    }
}
