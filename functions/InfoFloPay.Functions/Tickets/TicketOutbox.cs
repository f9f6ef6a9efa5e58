using Azure;
using InfoFloPay.Functions.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Publishes the outbox rows a ticket change committed, then deletes them. A failure leaves the rows for
/// <see cref="RelayOutboxFunction"/>; consumers de-duplicate by message id, so a repeat publish is harmless.
/// </summary>
public sealed class TicketOutbox(TicketStore store, IMessageSender sender, IOptions<HelpdeskEventsOptions> options, ILogger<TicketOutbox> logger)
{
    public async Task<int> PublishAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var published = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            try
            {
                await sender.SendAsync(options.Value.Topic, ToMessage(message.Event), cancellationToken).ConfigureAwait(false);
                published.Add(message.RowKey);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is committed; the relay retries the message, so the caller's request still succeeds.
                logger.LogWarning(ex, "Publishing {EventType} {MessageId} failed; the outbox relay will retry", message.Event.Type, message.Event.MessageId);
            }
        }

        try
        {
            await store.DeleteOutboxAsync(published, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Deleting {Count} published outbox rows failed; they will be published again", published.Count);
        }

        return published.Count;
    }

    public static OutgoingMessage ToMessage(HelpdeskEvent envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new OutgoingMessage(envelope.MessageId, envelope.Type, BinaryData.FromObjectAsJson(envelope, HelpdeskEventJson.Options))
        {
            ApplicationProperties = new Dictionary<string, object> { ["type"] = envelope.Type, ["version"] = envelope.Version, ["ticketId"] = envelope.TicketId },
        };
    }
}
