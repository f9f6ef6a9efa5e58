using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.DevHost.ServiceBus;

/// <summary>One delivery attempt's view of a message, with the count Service Bus would report.</summary>
public sealed record BusDelivery(string EntityPath, OutgoingMessage Message, DateTimeOffset EnqueuedAt, int DeliveryCount);

public sealed record DeadLetteredMessage(
    string EntityPath,
    string MessageId,
    string Subject,
    string Body,
    int DeliveryCount,
    string DeadLetterReason,
    string DeadLetterErrorDescription,
    DateTimeOffset DeadLetteredAt);
