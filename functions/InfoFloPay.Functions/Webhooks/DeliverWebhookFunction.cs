using InfoFloPay.Functions.Operations.Telemetry;
using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>Reads delivery attempts off the <c>WEBHOOK_DELIVERIES_QUEUE</c> queue (retries arrive at their scheduled instant).</summary>
internal sealed class DeliverWebhookFunction(WebhookDeliverer deliverer, LastDeliveryWatch watch)
{
    [Function("DeliverWebhook")]
    public Task Run(
        [ServiceBusTrigger("%WEBHOOK_DELIVERIES_QUEUE%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken) =>
        watch.RunAsync("DeliverWebhook", messageId, deliveryCount, () => deliverer.HandleAsync(
            JsonSerializer.Deserialize<WebhookDeliveryMessage>(message, HelpdeskJson.Options)
                ?? throw new JsonException($"Message {messageId} is not a webhook delivery."),
            cancellationToken));
}
