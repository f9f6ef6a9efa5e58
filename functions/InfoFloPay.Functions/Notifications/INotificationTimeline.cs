using InfoFloPay.Functions.Notifications.Composition;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// Puts each notification sent on its ticket's timeline (<c>GET /api/tickets/{id}/events</c>, kind
/// <c>notification-sent</c>) and remembers its Message-ID, so a reply to it threads back to the ticket. Recording the
/// same delivery again changes nothing.
/// </summary>
public interface INotificationTimeline
{
    Task RecordAsync(SentNotification sent, CancellationToken cancellationToken);
}

/// <summary>One delivery as it went out: <see cref="Kind"/> says whom it was written for (a page is
/// <see cref="NotificationKind.Page"/>); <see cref="MessageId"/> is the email's Message-ID header (null for pages).</summary>
public sealed record SentNotification(string TicketId, string DeliveryKey, NotificationKind Kind, string Channel, string Recipient, string Subject, string? MessageId);
