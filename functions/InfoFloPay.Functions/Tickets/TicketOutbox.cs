using Azure;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Operations.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Puts the outbox rows a ticket change committed on the bus. After a request, the published rows are deleted in
/// the background (<see cref="OutboxCleanup"/>); a row whose publish failed stays for <see cref="RelayOutboxFunction"/>.
/// Consumers de-duplicate by message id, so a repeat publish is harmless.
/// </summary>
public sealed class TicketOutbox(TicketStore store, OutboxCleanup cleanup, IMessageSender sender, IOptions<HelpdeskEventsOptions> options, ILogger<TicketOutbox> logger,
    HelpdeskMetrics? metrics = null)
{
    /// <summary>Publishes a change's messages right after its commit; the rows are deleted later, in shared batches.</summary>
    public async Task<int> PublishAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Counted here, once per commit (the relay's republishing is not), whether or not the publish succeeds.
        metrics?.Committed(messages.Select(m => m.Event));
        var published = await SendAsync(messages, cancellationToken).ConfigureAwait(false);
        cleanup.Enqueue(published);
        return published.Count;
    }

    /// <summary>Publishes leftover rows and deletes them before returning, so a relay run leaves nothing in flight.</summary>
    public async Task<int> RepublishAsync(IReadOnlyList<PendingMessage> leftovers, CancellationToken cancellationToken)
    {
        var published = await SendAsync(leftovers, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.DeleteOutboxAsync(published, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Deleting {Count} republished outbox rows failed; they will be published again", published.Count);
        }

        return published.Count;
    }

    private async Task<List<string>> SendAsync(IReadOnlyList<PendingMessage> messages, CancellationToken cancellationToken)
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

        return published;
    }

    public static OutgoingMessage ToMessage(HelpdeskEvent envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new OutgoingMessage(envelope.MessageId, envelope.Type, BinaryData.FromObjectAsJson(envelope, HelpdeskJson.Options))
        {
            ApplicationProperties = new Dictionary<string, object> { ["type"] = envelope.Type, ["version"] = envelope.Version, ["ticketId"] = envelope.TicketId },
        };
    }
}
