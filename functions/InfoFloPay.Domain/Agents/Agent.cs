namespace InfoFloPay.Domain.Agents;

/// <summary>A member of the support team as routing knows them: who they are, what they are good at and which
/// customer accounts name them. Availability and the open-ticket count are kept apart (they change with every
/// assignment and toggle, the profile only when a manager edits it).</summary>
public sealed record Agent(string Email, string Name, IReadOnlyList<string> Skills, IReadOnlyList<string> Accounts);

/// <summary>The body of <c>PUT /api/agents/{email}</c> as sent.</summary>
public sealed record AgentRequest(string? Name, IReadOnlyList<string?>? Skills, IReadOnlyList<string?>? Accounts);

/// <summary>The body of <c>POST /api/agents/{email}/availability</c> as sent.</summary>
public sealed record AvailabilityRequest(string? Availability);
