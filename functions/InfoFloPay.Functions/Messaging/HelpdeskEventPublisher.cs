using System.Text.Json;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Messaging;

/// <summary>Publishes business events to the <c>helpdesk-events</c> topic as versioned JSON envelopes.</summary>
public sealed class HelpdeskEventPublisher(IMessageSender sender, IOptions<HelpdeskEventsOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Publishes one event. <paramref name="eventId"/> must be stable for the business event (e.g. the ticket's event row
    /// key), so a retried request publishes the same message id and Service Bus drops the duplicate.
    /// </summary>
    public Task PublishAsync<TData>(string type, string ticketId, string eventId, TData data, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);

        var envelope = new HelpdeskEvent(
            type,
            Version: 1,
            ticketId,
            eventId,
            clock.GetUtcNow(),
            JsonSerializer.SerializeToElement(data, HelpdeskEventJson.Options));
        var message = new OutgoingMessage(envelope.MessageId, type, BinaryData.FromObjectAsJson(envelope, HelpdeskEventJson.Options))
        {
            ApplicationProperties = new Dictionary<string, object> { ["type"] = type, ["version"] = 1, ["ticketId"] = ticketId },
        };
        return sender.SendAsync(options.Value.Topic, message, cancellationToken);
    }
}
