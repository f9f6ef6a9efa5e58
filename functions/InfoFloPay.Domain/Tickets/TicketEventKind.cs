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

    /// <summary>A file an inbound mail carried that the attachment rules refused (too large, a type not allowed); the note
    /// names the file and why. The mail itself still became the ticket or reply.</summary>
    AttachmentRefused,

    /// <summary>The next escalation step moved: the acknowledgement window in the settings changed since the last page.</summary>
    EscalationRescheduled,
}
