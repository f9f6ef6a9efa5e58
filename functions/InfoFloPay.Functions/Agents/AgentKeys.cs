using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Agents;

/// <summary>
/// The agents' rows in the tickets table's <c>desk</c> partition (<see cref="TicketKeys.Partition"/>), so a ticket change
/// that moves a ticket to or from someone updates their open-ticket count in the ticket's own batch, and an availability
/// change commits with its outbox row. All under <c>agent|</c>, so the whole team is one range query.
/// </summary>
internal static class AgentKeys
{
    public const string Prefix = "agent|";

    /// <summary>The profile (name, skills, accounts): a manager's edits, or the settings' seed. Its presence makes an agent.</summary>
    public static string Profile(string email) => $"{Prefix}{StorageKey.Escape(email.ToLowerInvariant())}|profile";

    /// <summary>What changes with the work: availability, open tickets, when a ticket last became theirs. Anyone a ticket
    /// is assigned to has one, agent or not, so a person added as an agent later starts with their true count.</summary>
    public static string State(string email) => $"{Prefix}{StorageKey.Escape(email.ToLowerInvariant())}|state";

    public static bool IsProfile(string rowKey) => rowKey.EndsWith("|profile", StringComparison.Ordinal);

    public static bool IsState(string rowKey) => rowKey.EndsWith("|state", StringComparison.Ordinal);
}
