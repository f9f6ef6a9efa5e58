namespace InfoFloPay.Domain.Tickets;

public enum TicketEventKind
{
    Created,
    Triaged,
    Assigned,
    Reply,
    Status,
    NotificationSent,
    SlaApplied,
    SlaWarning,
    SlaBreached,
    SlaMet,
    Routed,
    Paged,
    Acknowledged,
    Escalated,
    AttachmentAdded,

    /// <summary>The next escalation step moved: the acknowledgement window in the settings changed since the last page.</summary>
    EscalationRescheduled,
}
