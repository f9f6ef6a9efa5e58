using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Functions.Messaging;

// Version 1 payloads of the helpdesk-events topic. Each carries what its notifications need, so a handler never reads
// the ticket store to compose mail (the ticket may have moved on by the time the message is handled).

public sealed record PersonRef(string Email, string? Name = null);

/// <summary>A new ticket. An urgent one (e.g. a monitoring incident) mobilizes the team at once. <paramref name="Tier"/> and
/// <paramref name="FirstResponseDueAt"/> are the ticket's SLA as the engine set it, so the acknowledgement promises
/// exactly that; <paramref name="Category"/> tells the planner not to acknowledge mail held for review. Messages
/// published before these existed lack them.</summary>
public sealed record TicketCreatedData(
    string Subject,
    PersonRef Requester,
    string Priority,
    string Channel,
    string? Description = null,
    string? Tier = null,
    DateTimeOffset? FirstResponseDueAt = null,
    string? Category = null,
    string? CustomerId = null);

/// <summary>A triage: the owner (if any) and the priority. <paramref name="BecameUrgent"/> is true only when the
/// priority changed to urgent, so re-triaging an urgent ticket does not page the Operations Manager again.
/// <paramref name="AssigneeChanged"/> is false when the triage kept the owner, so a re-prioritisation does not tell
/// them again that it is theirs; it defaults to true because messages published before it existed lack it.</summary>
public sealed record TicketAssignedData(
    string Subject,
    PersonRef Requester,
    PersonRef? Assignee,
    string Priority,
    string? Description = null,
    bool BecameUrgent = false,
    bool AssigneeChanged = true);

public sealed record TicketRepliedData(
    string Subject,
    PersonRef Requester,
    PersonRef? Assignee,
    PersonRef Author,
    ReplyAuthorRole AuthorRole,
    string Body);

public enum ReplyAuthorRole
{
    Staff,
    Customer,
}

/// <summary>A resolution. <paramref name="Channel"/> (the ticket's channel: <c>monitoring</c> for an incident) lets webhooks
/// tell an incident's resolution; messages published before it existed lack it.</summary>
public sealed record TicketResolvedData(string Subject, PersonRef Requester, string? Note = null, string? Channel = null);

/// <summary>A status move from <paramref name="From"/> to <paramref name="To"/> (the API's status names), with the
/// note a move may carry and the ticket's channel.</summary>
public sealed record TicketStatusChangedData(string Subject, PersonRef Requester, string From, string To, string? Note = null, string? Channel = null);

/// <summary>Nobody acknowledged the page of an urgent ticket in time: escalation step <see cref="Step"/> of page
/// <see cref="PageId"/> is paged at <see cref="Targets"/> (after the last step, <see cref="Final"/>: the whole team).</summary>
public sealed record TicketEscalatedData(string Subject, string PageId, int Step, bool Final, IReadOnlyList<string> Targets, string? Description = null);

/// <summary>An SLA warning or breach. <paramref name="Tier"/> and <paramref name="Calendar"/> (the clock the target runs
/// on) let the mail say how much business time is left; messages published before they existed lack them.</summary>
public sealed record SlaAlertData(
    string Subject,
    PersonRef? Assignee,
    string Target,
    DateTimeOffset DueAt,
    string Priority,
    string? Tier = null,
    SlaCalendarKind? Calendar = null);

/// <summary>An agent went away (<paramref name="Version"/> counts their availability changes, so each going-away is its
/// own message).</summary>
public sealed record AgentAwayData(string Email, string? Name, int Version)
{
    /// <summary>What an agent event's envelope carries where a ticket event carries the ticket id.</summary>
    public const string Subject = "agents";
}
