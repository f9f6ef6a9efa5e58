namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// Remembers every notification delivery per ticket: the dispatcher skips deliveries already sent (redelivered
/// messages send nothing twice), and the ticket timeline lists them.
/// </summary>
public interface INotificationJournal
{
    Task<bool> WasSentAsync(string ticketId, string deliveryKey, CancellationToken cancellationToken);

    Task RecordAsync(NotificationRecord record, CancellationToken cancellationToken);

    /// <summary>The ticket's deliveries, oldest first, for the timeline.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(string ticketId, CancellationToken cancellationToken);
}
