using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Bench;

/// <summary>Accepts every message like a Service Bus topic would, whether or not anything subscribes locally.</summary>
public sealed class DiscardingMessageSender : IMessageSender
{
    public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
