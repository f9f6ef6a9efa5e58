using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace InfoFloPay.Functions.Messaging;

/// <summary>Sends to Service Bus. Senders are cached per entity: each owns an AMQP link that is costly to open.</summary>
internal sealed class ServiceBusMessageSender(ServiceBusClient client) : IMessageSender, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(entityName, message, enqueueAt: null, cancellationToken);

    public Task ScheduleAsync(string entityName, OutgoingMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken) =>
        SendAsync(entityName, message, enqueueAt, cancellationToken);

    private Task SendAsync(string entityName, OutgoingMessage message, DateTimeOffset? enqueueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = _senders.GetOrAdd(entityName, client.CreateSender);
        var busMessage = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            ContentType = "application/json",
        };
        if (enqueueAt is { } at)
        {
            busMessage.ScheduledEnqueueTime = at;
        }

        foreach (var (key, value) in message.ApplicationProperties)
        {
            busMessage.ApplicationProperties[key] = value;
        }

        return sender.SendMessageAsync(busMessage, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
        }
    }
}
