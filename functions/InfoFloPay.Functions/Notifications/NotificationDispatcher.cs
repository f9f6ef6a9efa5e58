using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Email;
using InfoFloPay.Functions.Operations.Telemetry;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// Delivers what the <see cref="NotificationPlanner"/> decides, one recipient at a time, and journals each delivery.
/// A delivery already journalled as sent is skipped, so a redelivered message sends nothing twice. A recipient the
/// mail service rejects outright (bad address) is journalled as failed and never retried; any other failure is retried
/// by throwing after the remaining recipients were served, so Service Bus redelivers and finally dead-letters. Each
/// delivery is put on the ticket's timeline before it is journalled, so a delivery journalled as sent is on the timeline.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationPlanner planner,
    EmailComposer composer,
    IEmailSender emailSender,
    IPager pager,
    INotificationJournal journal,
    INotificationTimeline timeline,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger,
    HelpdeskMetrics? metrics = null) : INotificationDispatcher
{
    public async Task DispatchAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helpdeskEvent);
        using var scope = TicketLogScope.Begin(logger, helpdeskEvent.TicketId);
        var deliveries = await planner.PlanAsync(helpdeskEvent, cancellationToken).ConfigureAwait(false);
        if (deliveries.Count == 0)
        {
            logger.LogDebug("Event {MessageId} ({EventType}) calls for no notification", helpdeskEvent.MessageId, helpdeskEvent.Type);
            return;
        }

        var retryable = new List<Exception>();
        foreach (var delivery in deliveries)
        {
            if (await journal.WasSentAsync(helpdeskEvent.TicketId, delivery.Key, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Skipping {DeliveryKey}: already sent", delivery.Key);
                continue;
            }

            try
            {
                var sent = await DeliverAsync(helpdeskEvent, delivery, cancellationToken).ConfigureAwait(false);
                await timeline.RecordAsync(sent, cancellationToken).ConfigureAwait(false);
                await RecordAsync(helpdeskEvent, delivery, NotificationOutcome.Sent, detail: null, cancellationToken).ConfigureAwait(false);
                logger.LogInformation(
                    "Sent {Kind} {Channel} for ticket {TicketId} to {Recipient}",
                    KindOf(delivery), delivery.Channel, helpdeskEvent.TicketId, delivery.Recipient);
            }
            catch (EmailDeliveryException ex) when (!ex.IsTransient)
            {
                logger.LogError(ex, "Gave up on {DeliveryKey}: the mail service rejected it", delivery.Key);
                await RecordAsync(helpdeskEvent, delivery, NotificationOutcome.Failed, ex.Message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivery {DeliveryKey} failed; the message will be retried", delivery.Key);
                retryable.Add(ex);
            }
        }

        if (retryable.Count > 0)
        {
            throw new AggregateException(
                $"{retryable.Count} of {deliveries.Count} notifications for {helpdeskEvent.MessageId} failed and will be retried.",
                retryable);
        }
    }

    private async Task<SentNotification> DeliverAsync(HelpdeskEvent helpdeskEvent, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery)
        {
            case EmailDelivery email:
                var message = await composer.ComposeAsync(email.Model, email.To, email.Key).ConfigureAwait(false);
                await emailSender.SendAsync(message, cancellationToken).ConfigureAwait(false);
                return new SentNotification(helpdeskEvent.TicketId, delivery.Key, email.Model.Kind, delivery.Channel, delivery.Recipient, message.Subject,
                    message.Headers.TryGetValue("Message-ID", out var messageId) ? messageId : null);
            case PageDelivery page:
                await pager.PageAsync(page.Page, cancellationToken).ConfigureAwait(false);
                metrics?.Paged(helpdeskEvent.Type);
                return new SentNotification(
                    helpdeskEvent.TicketId, delivery.Key, NotificationKind.Page, delivery.Channel, delivery.Recipient, page.Page.Summary, MessageId: null);
            default:
                throw new NotSupportedException($"No channel delivers {delivery.GetType().Name}.");
        }
    }

    private Task RecordAsync(
        HelpdeskEvent helpdeskEvent, NotificationDelivery delivery, NotificationOutcome outcome, string? detail, CancellationToken cancellationToken) =>
        journal.RecordAsync(
            new NotificationRecord(
                helpdeskEvent.TicketId,
                delivery.Key,
                helpdeskEvent.EventId,
                delivery.Channel,
                delivery.Recipient,
                KindOf(delivery),
                outcome,
                clock.GetUtcNow())
            {
                Detail = detail,
            },
            cancellationToken);

    private static string KindOf(NotificationDelivery delivery) => delivery switch
    {
        EmailDelivery email => NotificationTemplates.TemplateName(email.Model.Kind),
        _ => "page",
    };
}
