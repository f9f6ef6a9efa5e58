using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Operations.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Notifications;

/// <summary>Reads helpdesk events off the notifications subscription and hands them to the dispatcher.</summary>
public sealed class NotificationsFunction(INotificationDispatcher dispatcher, LastDeliveryWatch watch, ILogger<NotificationsFunction> logger)
{
    [Function("DispatchNotification")]
    public Task Run(
        [ServiceBusTrigger("%HELPDESK_EVENTS_TOPIC%", "%NOTIFICATIONS_SUBSCRIPTION%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken) =>
        watch.RunAsync("DispatchNotification", messageId, deliveryCount, () => DispatchAsync(message, messageId, deliveryCount, cancellationToken));

    private async Task DispatchAsync(string message, string messageId, int deliveryCount, CancellationToken cancellationToken)
    {
        // A message that does not parse throws like any other failure: it is retried, then dead-lettered where it
        // can be inspected, rather than dropped.
        var helpdeskEvent = JsonSerializer.Deserialize<HelpdeskEvent>(message, HelpdeskJson.Options)
            ?? throw new JsonException($"Message {messageId} is not a helpdesk event.");

        if (!string.Equals(helpdeskEvent.MessageId, messageId, StringComparison.Ordinal))
        {
            logger.LogWarning("Message {MessageId} carries event {EventMessageId}", messageId, helpdeskEvent.MessageId);
        }

        logger.LogInformation(
            "Dispatching notifications for {EventType} on ticket {TicketId} (delivery {DeliveryCount})",
            helpdeskEvent.Type, helpdeskEvent.TicketId, deliveryCount);
        await dispatcher.DispatchAsync(helpdeskEvent, cancellationToken).ConfigureAwait(false);
    }
}
