using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Agents;

/// <summary>A profile as stored, with the ETag a conditional PUT compares.</summary>
public sealed record StoredAgent(AgentView View, ETag ETag, bool Created);

/// <summary>An availability toggle's outcome: the agent after it, and the message announcing it (none when it changed nothing
/// or made the agent available).</summary>
public sealed record AvailabilityChange(AgentView View, IReadOnlyList<PendingMessage> Outbox);

/// <summary>
/// The team's rows in the tickets table (<see cref="AgentKeys"/>). Profiles are whole-document writes conditional on their
/// ETag; availability is a conditional write of the state row, which the open-ticket counts share, so a routing that
/// decided on an agent being available fails (and decides again) if they went away meanwhile.
/// </summary>
public sealed class AgentStore(EnsuredTable table)
{
    private const int Attempts = 20;

    public async Task<AgentBoard> ReadBoardAsync(CancellationToken cancellationToken) =>
        await AgentBoard.ReadAsync(await table.GetAsync().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Adds each of <paramref name="roster"/> that has no profile yet; an agent already stored (seeded earlier, or edited
    /// through the API) is left as it is. Inserts only, so instances seeding at once cannot overwrite each other or a
    /// manager's edit: a batch that loses such a race fails as a whole and is recomputed from a fresh read.
    /// </summary>
    public async Task SeedAsync(IReadOnlyList<(string Email, string Name)> roster, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var client = await table.GetAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var board = await AgentBoard.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            var missing = roster
                .Select(person => (Email: person.Email.Trim().ToLowerInvariant(), person.Name))
                .DistinctBy(person => person.Email, StringComparer.Ordinal)
                .Where(person => board.Find(person.Email) is null)
                .Select(person => new TableTransactionAction(TableTransactionActionType.Add,
                    ProfileRow(new Agent(person.Email, person.Name.Trim(), [], []), now, "settings")))
                .ToList();
            if (missing.Count == 0)
            {
                return;
            }

            try
            {
                foreach (var chunk in missing.Chunk(TicketStore.MaxBatch))
                {
                    await client.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && attempt < Attempts)
            {
                // Another instance (or a PUT) stored one of them first: read again and add only what is still missing.
            }
        }
    }

    /// <summary>Creates or replaces the profile of <paramref name="agent"/>; availability and load are left as they are.
    /// A stale <paramref name="ifMatch"/> → 412; without one, a concurrent writer makes this re-read and write again.</summary>
    public async Task<StoredAgent> PutProfileAsync(Agent agent, ETag? ifMatch, DateTimeOffset now, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var client = await table.GetAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (profile, state) = await ReadAgentAsync(client, agent.Email, cancellationToken).ConfigureAwait(false);
            if (ifMatch is { } expected && (profile is null || profile.ETag != expected))
            {
                throw Stale(agent.Email);
            }

            var row = ProfileRow(agent, now, by);
            try
            {
                var response = profile is null
                    ? await client.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)
                    : await client.UpdateEntityAsync(row, profile.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new StoredAgent(View(agent, state), response.Headers.ETag!.Value, Created: profile is null);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                if (ifMatch is not null || attempt == Attempts)
                {
                    throw Stale(agent.Email);
                }
            }
        }
    }

    /// <summary>
    /// Sets the availability of agent <paramref name="email"/>; null when there is no such agent. Going away commits, in
    /// the same batch, an <c>agent.away</c> outbox row for routing to hand their tickets on (the relay republishes it if
    /// the publish after the commit fails). Setting what is already set changes nothing and announces nothing.
    /// </summary>
    public async Task<AvailabilityChange?> SetAvailabilityAsync(string email, AgentAvailability availability, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (profile, state) = await ReadAgentAsync(client, email, cancellationToken).ConfigureAwait(false);
            if (profile is null)
            {
                return null;
            }

            if ((state?.Availability ?? AgentAvailability.Available) == availability)
            {
                return new AvailabilityChange(View(profile.Agent, state), []);
            }

            var version = (state?.AvailabilityVersion ?? 0) + 1;
            var row = new TableEntity(TicketKeys.Partition, AgentKeys.State(profile.Agent.Email))
            {
                ["Email"] = profile.Agent.Email,
                ["Availability"] = EnumText.Of(availability),
                ["AvailabilityVersion"] = version,
                ["AvailabilityChangedAt"] = now,
            };
            var actions = new List<TableTransactionAction>
            {
                state is null
                    ? new(TableTransactionActionType.Add, Also(row, "OpenTickets", 0))
                    : new(TableTransactionActionType.UpdateMerge, row, state.ETag),
            };
            var outbox = availability == AgentAvailability.Away ? [AwayMessage(profile.Agent, version, now)] : new List<PendingMessage>();
            actions.AddRange(outbox.Select(message => new TableTransactionAction(TableTransactionActionType.Add, TicketRows.OutboxRow(message))));
            try
            {
                await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                var after = (state ?? new AgentState(profile.Agent.Email, availability, 0, null, 0, 0, default)) with { Availability = availability, AvailabilityVersion = version };
                return new AvailabilityChange(View(profile.Agent, after), outbox);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex is 0 or null)
            {
                // A ticket moved to or from them (their count shares the row), or another toggle: read again.
                if (attempt == Attempts)
                {
                    throw Stale(email);
                }
            }
        }
    }

    private static PendingMessage AwayMessage(Agent agent, int version, DateTimeOffset now)
    {
        var eventId = $"away-{Hash(agent.Email)}-{version:D6}";
        var envelope = new HelpdeskEvent(HelpdeskEventTypes.AgentAway, 1, AgentAwayData.Subject, eventId, now,
            JsonSerializer.SerializeToElement(new AgentAwayData(agent.Email, agent.Name, version), HelpdeskJson.Options));
        return new PendingMessage(TicketKeys.Outbox(now, AgentAwayData.Subject, eventId), envelope);
    }

    private static async Task<(StoredProfile? Profile, AgentState? State)> ReadAgentAsync(TableClient client, string email, CancellationToken cancellationToken)
    {
        var profile = client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, AgentKeys.Profile(email), cancellationToken: cancellationToken);
        var state = client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, AgentKeys.State(email), cancellationToken: cancellationToken);
        var (profileRow, stateRow) = (await profile.ConfigureAwait(false), await state.ConfigureAwait(false));
        return (
            profileRow.HasValue ? new StoredProfile(AgentBoard.ToAgent(profileRow.Value!), profileRow.Value!.ETag) : null,
            stateRow.HasValue ? AgentState.From(stateRow.Value!) : null);
    }

    private static TableEntity ProfileRow(Agent agent, DateTimeOffset now, string by) => new(TicketKeys.Partition, AgentKeys.Profile(agent.Email))
    {
        ["Email"] = agent.Email,
        ["Name"] = agent.Name,
        ["Skills"] = JsonSerializer.Serialize(agent.Skills),
        ["Accounts"] = JsonSerializer.Serialize(agent.Accounts),
        ["UpdatedAt"] = now,
        ["UpdatedBy"] = by,
    };

    private static TableEntity Also(TableEntity row, string key, object value)
    {
        row[key] = value;
        return row;
    }

    private static AgentView View(Agent agent, AgentState? state) =>
        new(agent, state?.Availability ?? AgentAvailability.Available, state?.OpenTickets ?? 0, state?.LastTurnAt, state?.Turns ?? 0);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static RequestRejectedException Stale(string email) =>
        new(Rejection.Stale, $"Agent {email} has changed since it was read; read it again and retry.");

    private sealed record StoredProfile(Agent Agent, ETag ETag);
}
