namespace InfoFloPay.Functions.Messaging;

/// <summary>A message to put on a Service Bus entity. <see cref="MessageId"/> derives from the business event,
/// so Service Bus duplicate detection and handler idempotency both key on it.</summary>
public sealed record OutgoingMessage(string MessageId, string Subject, BinaryData Body)
{
    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();
}

/// <summary>Sends messages to a queue or topic by entity name. Azure: Service Bus; locally: the in-process bus.</summary>
public interface IMessageSender
{
    Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="message"/> to be delivered no earlier than <paramref name="enqueueAt"/> (Service Bus
    /// <c>ScheduledEnqueueTime</c>). Senders that cannot schedule refuse, and callers keep a safety net.</summary>
    Task ScheduleAsync(string entityName, OutgoingMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot schedule messages.");
}
