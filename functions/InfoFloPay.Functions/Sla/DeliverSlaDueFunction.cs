using InfoFloPay.Functions.Operations.Telemetry;
using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Sla;

/// <summary>Reads due messages off the <c>SLA_DUE_QUEUE</c> queue at their scheduled instant.</summary>
public sealed class DeliverSlaDueFunction(SlaDueHandler handler, LastDeliveryWatch watch)
{
    [Function("DeliverSlaDue")]
    public Task Run(
        [ServiceBusTrigger("%SLA_DUE_QUEUE%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken) =>
        watch.RunAsync("DeliverSlaDue", messageId, deliveryCount, () => handler.HandleAsync(
            JsonSerializer.Deserialize<SlaDueMessage>(message, HelpdeskJson.Options) ?? throw new JsonException($"Message {messageId} is not a due message."),
            cancellationToken));
}
