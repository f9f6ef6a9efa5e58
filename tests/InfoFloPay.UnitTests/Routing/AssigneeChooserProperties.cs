using FsCheck.Xunit;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.UnitTests.Routing;

[Properties(Arbitrary = [typeof(RoutingArbitraries)], MaxTest = 200)]
public class AssigneeChooserProperties
{
    [Property]
    public void With_k_available_agents_and_n_routed_tickets_the_counts_differ_by_at_most_one(EvenWork work)
    {
        var counts = Simulate(work, resolveAtOnce: false);

        Assert.Equal(work.Tickets, counts.Values.Sum());
        Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(", ", counts.Values));
    }

    [Property]
    public void Agents_who_clear_their_tickets_at_once_still_take_turns_rather_than_getting_everything(EvenWork work)
    {
        // Every ticket is resolved as soon as it is assigned, so open counts always tie: the turn decides.
        var counts = Simulate(work, resolveAtOnce: true);

        Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(", ", counts.Values));
    }

    [Property]
    public void An_away_agent_is_never_chosen_for_non_urgent_work(Team team, RoutingSubject ticket)
    {
        var subject = ticket.Priority == TicketPriority.Urgent ? ticket with { Priority = TicketPriority.High } : ticket;

        var choice = AssigneeChooser.Choose(subject, team.Agents);

        var available = team.Agents.Where(agent => agent.Availability == AgentAvailability.Available).ToList();
        if (available.Count == 0)
        {
            Assert.Null(choice);
        }
        else
        {
            Assert.Contains(available, agent => agent.Email == choice!.Email);
        }
    }

    [Property]
    public void Urgent_work_gets_an_owner_whenever_there_is_a_team_and_an_available_one_if_anyone_is(Team team, RoutingSubject ticket)
    {
        var choice = AssigneeChooser.Choose(ticket with { Priority = TicketPriority.Urgent }, team.Agents);

        Assert.Equal(team.Agents.Count > 0, choice is not null);
        if (team.Agents.Any(agent => agent.Availability == AgentAvailability.Available))
        {
            Assert.Equal(AgentAvailability.Available, team.Agents.Single(agent => agent.Email == choice!.Email).Availability);
        }
    }

    [Property]
    public void An_available_agent_named_for_the_account_wins(Team team, RoutingSubject ticket)
    {
        var named = team.Agents.Where(agent => agent.Availability == AgentAvailability.Available && agent.Accounts.Contains(ticket.CustomerId)).ToList();

        var choice = AssigneeChooser.Choose(ticket, team.Agents);

        if (named.Count > 0)
        {
            Assert.Contains(named, agent => agent.Email == choice!.Email);
            Assert.Contains($"named for account {ticket.CustomerId}", choice!.Reason, StringComparison.Ordinal);
        }
    }

    [Property]
    public void Among_those_the_account_leaves_a_skill_matching_the_category_wins_and_then_the_fewest_open_tickets(Team team, RoutingSubject ticket)
    {
        var subject = ticket with { Priority = TicketPriority.Medium };
        var pool = team.Agents.Where(agent => agent.Availability == AgentAvailability.Available).ToList();
        if (pool.Any(agent => agent.Accounts.Contains(subject.CustomerId)))
        {
            pool = [.. pool.Where(agent => agent.Accounts.Contains(subject.CustomerId))];
        }

        if (pool.Any(agent => agent.Skills.Contains(subject.Category)))
        {
            pool = [.. pool.Where(agent => agent.Skills.Contains(subject.Category))];
        }

        var choice = AssigneeChooser.Choose(subject, team.Agents);

        if (pool.Count == 0)
        {
            Assert.Null(choice);
            return;
        }

        var chosen = Assert.Single(pool, agent => agent.Email == choice!.Email);
        Assert.Equal(pool.Min(agent => agent.OpenTickets), chosen.OpenTickets);
        var tied = pool.Where(agent => agent.OpenTickets == chosen.OpenTickets).ToList();
        Assert.Equal(tied.Min(agent => agent.LastTurnAt ?? DateTimeOffset.MinValue), chosen.LastTurnAt ?? DateTimeOffset.MinValue);
        Assert.Equal(tied.Where(agent => agent.LastTurnAt == chosen.LastTurnAt).Min(agent => agent.Turns), chosen.Turns);
    }

    [Property]
    public void The_agent_routing_hands_work_away_from_is_never_chosen(Team team, RoutingSubject ticket)
    {
        if (team.Agents.Count == 0)
        {
            return;
        }

        var leaving = team.Agents[0].Email;

        var choice = AssigneeChooser.Choose(ticket, team.Agents, excluding: leaving, awayForUrgent: false);

        Assert.NotEqual(leaving, choice?.Email);
        Assert.True(choice is null || team.Agents.Single(agent => agent.Email == choice.Email).Availability == AgentAvailability.Available);
    }

    /// <summary>Routes <see cref="EvenWork.Tickets"/> tickets one after another, each assignment counted and timed as the
    /// store records it; returns how many each agent got.</summary>
    private static Dictionary<string, int> Simulate(EvenWork work, bool resolveAtOnce)
    {
        var team = Enumerable.Range(1, work.Agents)
            .Select(i => new RoutingCandidate($"agent{i}@infoflopay.example", AgentAvailability.Available, ["billing"], ["acme"], 0, null))
            .ToList();
        var counts = team.ToDictionary(agent => agent.Email, _ => 0);
        var subject = new RoutingSubject("acme", "billing", TicketPriority.Medium);
        for (var i = 0; i < work.Tickets; i++)
        {
            var choice = AssigneeChooser.Choose(subject, team)!;
            counts[choice.Email]++;
            var index = team.FindIndex(agent => agent.Email == choice.Email);
            team[index] = team[index] with
            {
                OpenTickets = resolveAtOnce ? 0 : team[index].OpenTickets + 1,
                LastTurnAt = RoutingArbitraries.Start.AddSeconds(work.FrozenClock ? 0 : i),
                Turns = team[index].Turns + 1,
            };
        }

        return counts;
    }
}
