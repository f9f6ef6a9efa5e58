using InfoFloPay.Domain.Agents;

namespace InfoFloPay.Domain.Routing;

/// <summary>An agent as the chooser weighs them: the profile, the toggle and the load as stored at the moment of choosing.</summary>
/// <param name="LastTurnAt">When work last went their way: a ticket became theirs (routed or triaged by hand) or routing
/// suggested them; null if never. Ties on the open-ticket count go to whoever waited longest, so equal loads take turns.</param>
/// <param name="Turns">How many such turns they have had: decides between turns taken at the same instant.</param>
public sealed record RoutingCandidate(
    string Email,
    AgentAvailability Availability,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Accounts,
    int OpenTickets,
    DateTimeOffset? LastTurnAt,
    int Turns = 0);
