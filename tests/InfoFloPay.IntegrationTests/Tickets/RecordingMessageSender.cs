using System.Collections.Concurrent;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>Stands in for Service Bus: keeps what was sent, or fails while <see cref="Failing"/> is set.</summary>
public sealed class RecordingMessageSender : IMessageSender
{
    public ConcurrentQueue<(string Entity, OutgoingMessage Message)> Sent { get; } = new();

    public bool Failing { get; set; }

    public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The bus is down.");
        }

        Sent.Enqueue((entityName, message));
        return Task.CompletedTask;
    }
}
