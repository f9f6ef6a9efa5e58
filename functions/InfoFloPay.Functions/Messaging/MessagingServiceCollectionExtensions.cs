using Azure.Messaging.ServiceBus;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Messaging;

internal static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Service Bus sender and the event publisher. Nothing connects at start-up: the client is built on
    /// first use, so the local host (which replaces <see cref="IMessageSender"/>) needs no Service Bus settings. In Azure
    /// the connection settings are validated at start-up (see <see cref="AzureDeployment"/>).
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HelpdeskEventsOptions>()
            .Configure(options => options.Topic = configuration[HelpdeskEventsOptions.TopicSetting] ?? options.Topic)
            .ValidateDataAnnotations();

        services.AddOptions<ServiceBusConnectionOptions>()
            .Configure(options =>
            {
                var section = configuration.GetSection(ServiceBusConnectionOptions.SettingName);
                options.ConnectionString = section.Value;
                options.FullyQualifiedNamespace = section["fullyQualifiedNamespace"];
                options.Credential = section["credential"];
                options.ClientId = section["clientId"];
            })
            .Validate(
                options => options.IsConfigured,
                "Service Bus is not configured: set ServiceBusConnection__fullyQualifiedNamespace (with __credential=managedidentity "
                + "and __clientId) in Azure, or ServiceBusConnection to a connection string.")
            .ValidateOnStartInAzure(configuration);

        services.AddSingleton(provider => CreateClient(provider.GetRequiredService<IOptions<ServiceBusConnectionOptions>>().Value));
        services.AddSingleton<IMessageSender, ServiceBusMessageSender>();
        return services;
    }

    internal static ServiceBusClient CreateClient(ServiceBusConnectionOptions options)
    {
        var clientOptions = new ServiceBusClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new ServiceBusClient(options.ConnectionString, clientOptions);
        }

        var credential = AzureCredentials.Create(options.Credential, options.ClientId);
        return new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
    }
}
