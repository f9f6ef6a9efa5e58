using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Notifications;

/// <summary>The support team as stored (<c>GET /api/agents</c>): who is mobilized for urgent work and alerted about
/// unowned tickets, away or not.</summary>
public interface ISupportTeam
{
    Task<IReadOnlyList<PersonRef>> AgentsAsync(CancellationToken cancellationToken);
}
