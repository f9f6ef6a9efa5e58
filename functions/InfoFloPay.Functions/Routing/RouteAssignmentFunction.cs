using InfoFloPay.Functions.Operations.Telemetry;
using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Routing;

/// <summary>Reads helpdesk events off the assignments subscription and hands the ones routing acts on to the router.</summary>
public sealed class RouteAssignmentFunction(AssignmentRouter router, LastDeliveryWatch watch, ILogger<RouteAssignmentFunction> logger)
{
    [Function("RouteAssignment")]
    public Task Run(
        [ServiceBusTrigger("%HELPDESK_EVENTS_TOPIC%", "%ASSIGNMENTS_SUBSCRIPTION%", Connection = "ServiceBusConnection")] string message,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken) =>
        watch.RunAsync("RouteAssignment", messageId, deliveryCount, () =>
        {
            // A message that does not parse is retried and then dead-lettered, where it can be inspected, rather than dropped.
            var helpdeskEvent = JsonSerializer.Deserialize<HelpdeskEvent>(message, HelpdeskJson.Options)
                ?? throw new JsonException($"Message {messageId} is not a helpdesk event.");

            // Every event on the topic arrives here; the router acts on ticket.created and agent.away and logs what it does.
            logger.LogDebug("Routing for {EventType} {MessageId} (delivery {DeliveryCount})", helpdeskEvent.Type, helpdeskEvent.MessageId, deliveryCount);
            return router.HandleAsync(helpdeskEvent, cancellationToken);
        });
}
