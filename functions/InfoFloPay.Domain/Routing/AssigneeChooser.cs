using System.Globalization;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Routing;

/// <summary>
/// Chooses an owner for a ticket, as API.md says: among available agents, the ones the ticket's account names; among
/// those (or everyone, if none is named), the ones with a skill matching the ticket's category; among those, the fewest
/// open tickets, ties going to whoever had work come their way least recently (then fewest turns, then by address, so
/// the choice is deterministic).
/// Each narrowing applies only when it leaves someone. Away agents are never chosen for non-urgent work; an urgent ticket
/// with nobody available still gets an owner from the whole team (it mobilizes everyone anyway).
/// </summary>
public static class AssigneeChooser
{
    /// <param name="excluding">An agent who must not be chosen (the one going away whose tickets are routed again).</param>
    /// <param name="awayForUrgent">False when routing again: handing an urgent ticket from one away agent to another helps
    /// nobody, so then only available agents are considered.</param>
    public static RoutingChoice? Choose(RoutingSubject ticket, IEnumerable<RoutingCandidate> agents, string? excluding = null, bool awayForUrgent = true)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(agents);
        var team = agents.Where(agent => !Same(agent.Email, excluding)).ToList();
        var reasons = new List<string>();
        var pool = team.Where(agent => agent.Availability == AgentAvailability.Available).ToList();
        if (pool.Count == 0 && awayForUrgent && ticket.Priority == TicketPriority.Urgent)
        {
            pool = team;
            reasons.Add("nobody is available, and urgent work goes to the whole team");
        }

        if (pool.Count == 0)
        {
            return null;
        }

        if (ticket.CustomerId is { } account && Narrow(pool, agent => agent.Accounts.Contains(account, StringComparer.Ordinal)) is { } named)
        {
            pool = named;
            reasons.Add($"named for account {account}");
        }

        if (ticket.Category is { } category && Narrow(pool, agent => agent.Skills.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase)) is { } skilled)
        {
            pool = skilled;
            reasons.Add($"skill '{category.Trim().ToLowerInvariant()}' matches the category");
        }

        var ordered = pool
            .OrderBy(agent => agent.OpenTickets)
            .ThenBy(agent => agent.LastTurnAt ?? DateTimeOffset.MinValue)
            .ThenBy(agent => agent.Turns)
            .ThenBy(agent => agent.Email, StringComparer.Ordinal)
            .ToList();
        var chosen = ordered[0];
        var load = string.Create(CultureInfo.InvariantCulture, $"fewest open tickets ({chosen.OpenTickets})");
        if (ordered.Count > 1 && ordered[1].OpenTickets == chosen.OpenTickets)
        {
            load += ", tie broken in turn (longest since their last ticket)";
        }

        if (pool.Count > 1)
        {
            reasons.Add(load);
        }
        else if (reasons.Count == 0)
        {
            reasons.Add("the only available agent");
        }

        return new RoutingChoice(chosen.Email, string.Join("; ", reasons));
    }

    private static List<RoutingCandidate>? Narrow(List<RoutingCandidate> pool, Func<RoutingCandidate, bool> keep)
    {
        var kept = pool.Where(keep).ToList();
        return kept.Count > 0 ? kept : null;
    }

    private static bool Same(string left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
