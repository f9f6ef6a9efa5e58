namespace InfoFloPay.Domain.Tickets;

public enum TicketEventKind
{
    Created,
    Triaged,
    Assigned,
    Reply,
    Status,
    NotificationSent,
    NotificationFailed,
    SlaApplied,
    SlaWarning,
    SlaBreached,
    SlaMet,
}
