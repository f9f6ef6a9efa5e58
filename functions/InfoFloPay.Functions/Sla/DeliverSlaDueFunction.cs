using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Sla;

/// <summary>Reads due messages off the <c>SLA_DUE_QUEUE</c> queue at their scheduled instant.</summary>
public sealed class DeliverSlaDueFunction(SlaDueHandler handler)
{
    [Function("DeliverSlaDue")]
    public Task Run(
        [ServiceBusTrigger("%SLA_DUE_QUEUE%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(
            JsonSerializer.Deserialize<SlaDueMessage>(message, HelpdeskJson.Options) ?? throw new JsonException($"Message {messageId} is not a due message."),
            cancellationToken);
}
