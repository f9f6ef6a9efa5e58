namespace InfoFloPay.Functions.Messaging;

/// <summary>The event types on the <c>helpdesk-events</c> topic and the payload each carries (all version 1).</summary>
public static class HelpdeskEventTypes
{
    /// <summary>A ticket was opened. Data: <see cref="TicketCreatedData"/>.</summary>
    public const string TicketCreated = "ticket.created";

    /// <summary>A ticket was triaged and assigned (urgent included). Data: <see cref="TicketAssignedData"/>.</summary>
    public const string TicketAssigned = "ticket.assigned";

    /// <summary>A public reply was added by staff or the customer, or a customer's mail was kept as an internal note (an
    /// unknown sender's, author role customer: only the assignee is told). Data: <see cref="TicketRepliedData"/>.</summary>
    public const string TicketReplied = "ticket.replied";

    /// <summary>A ticket was resolved. Data: <see cref="TicketResolvedData"/>.</summary>
    public const string TicketResolved = "ticket.resolved";

    /// <summary>A ticket's status moved (pending, reopened, resolved, closed …), one message per move, sent alongside
    /// <see cref="TicketResolved"/> for a resolution. Data: <see cref="TicketStatusChangedData"/>.</summary>
    public const string TicketStatusChanged = "ticket.status_changed";

    /// <summary>An urgent ticket's page went unacknowledged: the next escalation step is paged. Data:
    /// <see cref="TicketEscalatedData"/>.</summary>
    public const string TicketEscalated = "ticket.escalated";

    /// <summary>An SLA target is about to be missed. Data: <see cref="SlaAlertData"/>.</summary>
    public const string SlaWarning = "sla.warning";

    /// <summary>An SLA target was missed. Data: <see cref="SlaAlertData"/>.</summary>
    public const string SlaBreached = "sla.breached";

    /// <summary>An agent set themselves (or a manager set them) away: routing hands their open tickets on. Not about one
    /// ticket: the envelope's ticket id is <see cref="AgentAwayData.Subject"/>. Data: <see cref="AgentAwayData"/>.</summary>
    public const string AgentAway = "agent.away";
}
