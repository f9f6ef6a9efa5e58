using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// Sends the notifications one helpdesk event calls for, each recipient separately. Safe to call again with the same
/// event (at-least-once delivery): deliveries already made are skipped. Throws when a delivery failed in a way a later
/// attempt may fix, so the message is redelivered (and dead-lettered after the max delivery count).
/// </summary>
public interface INotificationDispatcher
{
    Task DispatchAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken);
}
