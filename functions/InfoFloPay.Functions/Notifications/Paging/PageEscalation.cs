using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>
/// Starts an escalation round: the plan from settings and the whole team as stored now (the Agents store, else the
/// roster in settings), so a sweep reads the team once, not once per ticket.
/// </summary>
public sealed class PageEscalation(PagingPlanSource plans, IOptions<SupportRosterOptions> roster, ISupportTeam? team = null)
{
    public async Task<PageEscalationRound> StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> everyone = team is null
            ? [.. roster.Value.Agents.Where(agent => agent.Email.Length > 0).Select(agent => agent.Email)]
            : [.. (await team.AgentsAsync(cancellationToken).ConfigureAwait(false)).Select(agent => agent.Email)];
        return new PageEscalationRound(plans.Plan, everyone);
    }
}

/// <summary>One round's view of the plan and team; <see cref="Escalate"/> is <see cref="UrgentPaging.Escalate"/> on them.</summary>
public sealed record PageEscalationRound(PagingPlan Plan, IReadOnlyList<string> Team)
{
    public TicketChange? Escalate(Ticket ticket, DateTimeOffset now) => UrgentPaging.Escalate(ticket, now, Plan, Team);

    /// <summary><paramref name="sla"/> (the SLA's own change of <paramref name="ticket"/>, or null) followed by the page's
    /// escalation when one is due: both stored as one change.</summary>
    public TicketChange? After(TicketChange? sla, Ticket ticket, DateTimeOffset now)
    {
        var escalated = Escalate(sla?.Ticket ?? ticket, now);
        return escalated is null ? sla
            : sla is null ? escalated
            : new TicketChange(escalated.Ticket, [.. sla.Events, .. escalated.Events]);
    }
}
