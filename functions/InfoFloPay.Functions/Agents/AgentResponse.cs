using InfoFloPay.Domain.Agents;

namespace InfoFloPay.Functions.Agents;

/// <summary>An agent as API.md shows them.</summary>
public sealed record AgentResponse(string Email, string Name, AgentAvailability Availability, IReadOnlyList<string> Skills, IReadOnlyList<string> Accounts, int OpenTickets)
{
    public static AgentResponse From(AgentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Agent.Email, view.Agent.Name, view.Availability, view.Agent.Skills, view.Agent.Accounts, view.OpenTickets);
    }
}
