using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Agents;

/// <summary>
/// The support team as the API, routing and notifications see it. The roster in settings (<c>Support__Agents</c>) seeds
/// it: each instance, before its first use, adds the settings' agents that are not stored yet, and never touches one that
/// is, so edits made through the API win over settings.
/// </summary>
public sealed class AgentDirectory(
    AgentStore store,
    CustomerDirectory customers,
    TicketOutbox outbox,
    IOptions<SupportRosterOptions> roster,
    TimeProvider clock,
    ILogger<AgentDirectory> logger) : ISupportTeam
{
    private readonly Lock _seedGate = new();
    private Task? _seeded;

    public async Task<AgentBoard> BoardAsync(CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        return await store.ReadBoardAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AgentView>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Only support staff see the team.");
        }

        return (await BoardAsync(cancellationToken).ConfigureAwait(false)).Agents;
    }

    public async Task<StoredAgent> PutAsync(string email, AgentRequest request, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsManager)
        {
            throw RequestRejectedException.Forbidden("Only a support manager edits the team.");
        }

        var agent = AgentRules.Validate(email, request);
        var errors = new ValidationErrors();
        for (var i = 0; i < agent.Accounts.Count; i++)
        {
            // A mistyped account would never match a ticket, silently.
            if (await customers.FindCachedAsync(agent.Accounts[i], cancellationToken).ConfigureAwait(false) is null)
            {
                errors.Add($"accounts[{i}]", $"No customer account '{agent.Accounts[i]}' is registered.");
            }
        }

        errors.ThrowIfAny();
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var stored = await store.PutProfileAsync(agent, ifMatch, clock.GetUtcNow(), caller.Email, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Agent {Agent} {Change} by {Caller}", agent.Email, stored.Created ? "added" : "changed", caller.Email);
        return stored;
    }

    /// <summary>An agent sets their own availability; a manager sets anyone's. Going away hands their open tickets to routing.</summary>
    public async Task<AgentView> SetAvailabilityAsync(string email, AvailabilityRequest request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var address = AgentRules.NormalizeEmail(email);
        if (!caller.IsManager && !(caller.IsStaff && string.Equals(caller.Email, address, StringComparison.OrdinalIgnoreCase)))
        {
            throw RequestRejectedException.Forbidden("Agents set their own availability; a support manager sets anyone's.");
        }

        var availability = AgentRules.Validate(request);
        if (address is null)
        {
            throw RequestRejectedException.NotFound($"Agent {email}");
        }

        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var change = await store.SetAvailabilityAsync(address, availability, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ?? throw RequestRejectedException.NotFound($"Agent {address}");
        logger.LogInformation("Agent {Agent} is {Availability} (set by {Caller}; announced: {Announced})", address, EnumText.Of(availability), caller.Email, change.Outbox.Count > 0);

        await outbox.PublishAsync(change.Outbox, cancellationToken).ConfigureAwait(false);
        return change.View;
    }

    /// <summary>Everyone on the team, away or not: urgent work mobilizes them all.</summary>
    public async Task<IReadOnlyList<PersonRef>> AgentsAsync(CancellationToken cancellationToken) =>
        [.. (await BoardAsync(cancellationToken).ConfigureAwait(false)).Agents.Select(view => new PersonRef(view.Agent.Email, view.Agent.Name))];

    /// <summary>Seeds once per instance; a failed attempt (storage unreachable) is not remembered, so the next use tries again.</summary>
    public Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        lock (_seedGate)
        {
            if (_seeded is { IsFaulted: false, IsCanceled: false })
            {
                return _seeded;
            }

            var agents = roster.Value.Agents.Where(agent => agent.Email.Length > 0).Select(agent => (agent.Email, agent.Name)).ToList();
            return _seeded = store.SeedAsync(agents, clock.GetUtcNow(), cancellationToken);
        }
    }
}
