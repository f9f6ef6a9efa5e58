using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// Turns one helpdesk event into one delivery message per matching webhook. The <c>webhook-id</c> is derived from the
/// event's message id, the webhook event type and the webhook's name, so a redelivered event fans out the same ids and
/// the queue's duplicate detection drops the copies.
/// </summary>
internal sealed class WebhookFanOut(WebhookStore store, IMessageSender sender, IConfiguration configuration, ILogger<WebhookFanOut> logger)
{
    public async Task HandleAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken)
    {
        var events = WebhookEvents.From(helpdeskEvent);
        if (events.Count == 0)
        {
            return;
        }

        var hooks = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var queue = QueueName(configuration);
        foreach (var (type, data) in events)
        {
            var body = new JsonObject
            {
                ["type"] = type,
                ["timestamp"] = JsonSerializer.SerializeToNode(helpdeskEvent.OccurredAt, HelpdeskJson.Options),
                ["data"] = data.DeepClone(),
            }.ToJsonString(HelpdeskJson.Options);
            foreach (var hook in hooks.Where(h => h.Events.Contains(type, StringComparer.Ordinal)))
            {
                var delivery = new WebhookDeliveryMessage(hook.Name, IdFor(helpdeskEvent.MessageId, type, hook.Name), type, body, Attempt: 1);
                await sender.SendAsync(queue, ToMessage(delivery), cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Webhook {Webhook} gets {EventType} {WebhookId} of {MessageId}", hook.Name, type, delivery.Id, helpdeskEvent.MessageId);
            }
        }
    }

    public static string QueueName(IConfiguration configuration) =>
        configuration[WebhookOptions.DeliveriesQueueSetting] is { Length: > 0 } queue ? queue : "webhook-deliveries";

    public static OutgoingMessage ToMessage(WebhookDeliveryMessage delivery) =>
        new(delivery.MessageId, delivery.Event, BinaryData.FromString(JsonSerializer.Serialize(delivery, HelpdeskJson.Options)));

    /// <summary><c>msg_</c> + 26 hex characters of SHA-256 over the event, the type and the webhook.</summary>
    public static string IdFor(string messageId, string type, string webhook) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}\n{type}\n{webhook}")))[..26];
}
