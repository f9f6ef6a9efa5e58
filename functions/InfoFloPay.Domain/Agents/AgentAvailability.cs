namespace InfoFloPay.Domain.Agents;

/// <summary>The agent's own toggle. It does not follow the business calendar: see docs/routing.md.</summary>
public enum AgentAvailability
{
    Available,
    Away,
}
