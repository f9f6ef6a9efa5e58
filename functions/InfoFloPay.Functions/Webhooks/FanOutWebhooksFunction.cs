using InfoFloPay.Functions.Operations.Telemetry;
using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>Reads helpdesk events off the webhooks subscription and queues one delivery per matching webhook.</summary>
internal sealed class FanOutWebhooksFunction(WebhookFanOut fanOut, LastDeliveryWatch watch)
{
    [Function("FanOutWebhooks")]
    public Task Run(
        [ServiceBusTrigger("%HELPDESK_EVENTS_TOPIC%", "%WEBHOOKS_SUBSCRIPTION%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken) =>
        // A message that does not parse is retried and then dead-lettered, where it can be inspected, rather than dropped.
        watch.RunAsync("FanOutWebhooks", messageId, deliveryCount, () => fanOut.HandleAsync(
            JsonSerializer.Deserialize<HelpdeskEvent>(message, HelpdeskJson.Options) ?? throw new JsonException($"Message {messageId} is not a helpdesk event."),
            cancellationToken));
}
