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
}
