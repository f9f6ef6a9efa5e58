namespace InfoFloPay.Functions.Notifications;

/// <summary>One notification delivery as it appears on the ticket timeline ("notification sent" / "notification failed").</summary>
public sealed record NotificationRecord(
    string TicketId,
    string DeliveryKey,
    string EventId,
    string Channel,
    string Recipient,
    string Kind,
    NotificationOutcome Outcome,
    DateTimeOffset At)
{
    public string? Detail { get; init; }
}

public enum NotificationOutcome
{
    Sent,
    Failed,
}
