using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Agents;

/// <summary>An agent's availability and load row as read, with the ETag a change of it is conditional on.</summary>
internal sealed record AgentState(
    string Email, AgentAvailability Availability, int OpenTickets, DateTimeOffset? LastTurnAt, int Turns, int AvailabilityVersion, ETag ETag)
{
    public static AgentState From(TableEntity row) => new(
        row.GetString("Email") ?? string.Empty,
        EnumText.TryParse<AgentAvailability>(row.GetString("Availability") ?? string.Empty, out var availability) ? availability : AgentAvailability.Available,
        row.GetInt32("OpenTickets") ?? 0,
        row.GetDateTimeOffset("LastTurnAt"),
        row.GetInt32("Turns") ?? 0,
        row.GetInt32("AvailabilityVersion") ?? 0,
        row.ETag);
}

/// <summary>An agent with their availability and open tickets, as <c>GET /api/agents</c> shows them.</summary>
public sealed record AgentView(Agent Agent, AgentAvailability Availability, int OpenTickets, DateTimeOffset? LastTurnAt, int Turns);

/// <summary>
/// The whole team at one moment: every profile row and every state row under <c>agent|</c>, read in one range query.
/// Routing decides on it, and its state rows' ETags make the routing batch fail if a load it looked at moved meanwhile.
/// </summary>
public sealed class AgentBoard
{
    private readonly Dictionary<string, (Agent Agent, ETag ETag)> _profiles;
    private readonly Dictionary<string, AgentState> _states;

    private AgentBoard(Dictionary<string, (Agent Agent, ETag ETag)> profiles, Dictionary<string, AgentState> states)
    {
        _profiles = profiles;
        _states = states;
    }

    /// <summary>Every agent (a profile row), by name then address.</summary>
    public IReadOnlyList<AgentView> Agents =>
        [.. _profiles.Values
            .Select(profile => View(profile.Agent))
            .OrderBy(view => view.Agent.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(view => view.Agent.Email, StringComparer.Ordinal)];

    public AgentView? Find(string email) => _profiles.TryGetValue(email.ToLowerInvariant(), out var profile) ? View(profile.Agent) : null;

    /// <summary>The agents as the chooser weighs them.</summary>
    public IReadOnlyList<RoutingCandidate> Candidates() =>
        [.. Agents.Select(view => new RoutingCandidate(
            view.Agent.Email, view.Availability, view.Agent.Skills, view.Agent.Accounts, view.OpenTickets, view.LastTurnAt, view.Turns))];

    public bool IsAway(string email) => Find(email)?.Availability == AgentAvailability.Away;

    /// <summary>The state row of <paramref name="email"/> as this board read it; null when there was none then.</summary>
    internal AgentState? StateOf(string email) => _states.GetValueOrDefault(email.ToLowerInvariant());

    internal ETag? ProfileETagOf(string email) => _profiles.TryGetValue(email.ToLowerInvariant(), out var profile) ? profile.ETag : null;

    internal static async Task<AgentBoard> ReadAsync(TableClient client, CancellationToken cancellationToken)
    {
        var upper = AgentKeys.Prefix + StorageKey.RangeEnd;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {AgentKeys.Prefix} and RowKey lt {upper}");
        var profiles = new Dictionary<string, (Agent, ETag)>(StringComparer.Ordinal);
        var states = new Dictionary<string, AgentState>(StringComparer.Ordinal);
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var email = row.GetString("Email") ?? string.Empty;
            if (AgentKeys.IsProfile(row.RowKey))
            {
                profiles[email] = (ToAgent(row), row.ETag);
            }
            else if (AgentKeys.IsState(row.RowKey))
            {
                states[email] = AgentState.From(row);
            }
        }

        return new AgentBoard(profiles, states);
    }

    internal static Agent ToAgent(TableEntity row) => new(
        row.GetString("Email") ?? string.Empty,
        row.GetString("Name") ?? string.Empty,
        JsonSerializer.Deserialize<List<string>>(row.GetString("Skills") ?? "[]") ?? [],
        JsonSerializer.Deserialize<List<string>>(row.GetString("Accounts") ?? "[]") ?? []);

    private AgentView View(Agent agent)
    {
        var state = StateOf(agent.Email);
        return new AgentView(agent, state?.Availability ?? AgentAvailability.Available, state?.OpenTickets ?? 0, state?.LastTurnAt, state?.Turns ?? 0);
    }
}
