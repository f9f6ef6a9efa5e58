using System.Collections.Concurrent;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.Functions.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>Passes everything the app sends on to the local host's bus and keeps a copy, so a test can deliver the very
/// same message again.</summary>
public sealed class TappedMessageSender(InProcessServiceBus bus) : IMessageSender
{
    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(provider => new TappedMessageSender(provider.GetRequiredService<InProcessServiceBus>()));
        services.Replace(ServiceDescriptor.Singleton<IMessageSender>(provider => provider.GetRequiredService<TappedMessageSender>()));
    }

    public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return bus.SendAsync(entityName, message, cancellationToken);
    }
}
