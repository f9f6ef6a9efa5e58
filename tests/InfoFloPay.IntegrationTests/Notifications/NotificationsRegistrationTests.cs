using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>
/// Locally the host swaps the Service Bus, ACS and pager adapters, so their settings must not be needed to start; in
/// Azure a missing setting must stop the app at start-up with its name.
/// </summary>
public class NotificationsRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? replaceAdapters = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHelpdesk(builder.Configuration);
        replaceAdapters?.Invoke(builder.Services);
        return builder.Build();
    }

    private static Dictionary<string, string?> LocalSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    };

    [Fact]
    public async Task Starts_locally_without_service_bus_email_or_pager_settings()
    {
        // As the local host does: its in-process bus and outbox replace the Azure adapters.
        using var host = Build(LocalSettings(), services =>
        {
            services.AddSingleton<IMessageSender, NoMessageSender>();
            services.AddSingleton<IEmailSender, NoEmailSender>();
            services.AddSingleton<IPager, NoPager>();
        });

        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredService<INotificationDispatcher>());
        await host.StopAsync();
    }

    [Fact]
    public void Locally_the_first_email_names_the_missing_setting()
    {
        using var host = Build(LocalSettings());

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Functions.Notifications.Email.EmailOptions>>().Value);

        Assert.Contains("SenderAddress", failure.Message);
    }

    [Fact]
    public async Task In_azure_missing_settings_stop_the_start_naming_them()
    {
        var settings = LocalSettings();
        settings[AzureDeployment.SiteNameSetting] = "func-infoflopay";
        settings["Support:OperationsManager:Pager"] = "https://events.pagerduty.com/v2/enqueue";
        using var host = Build(settings);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = failure is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(inner => inner.Message))
            : failure.Message;
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", messages);
        Assert.Contains("SenderAddress", messages);
        Assert.Contains("Paging__RoutingKey", messages);
        // No signing key is no one-click links, not a desk that refuses to start (PageLinkSignerTests).
        Assert.DoesNotContain("Paging__SigningKey", messages);
    }

    [Fact]
    public async Task In_azure_complete_identity_based_settings_start()
    {
        var settings = LocalSettings();
        settings[AzureDeployment.SiteNameSetting] = "func-infoflopay";
        settings["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-infoflopay.servicebus.windows.net";
        settings["ServiceBusConnection:credential"] = "managedidentity";
        settings["ServiceBusConnection:clientId"] = "00000000-0000-0000-0000-000000000001";
        settings["Email:Endpoint"] = "https://acs-infoflopay.communication.azure.com";
        settings["Email:SenderAddress"] = "DoNotReply@infoflopay.example";
        settings["Email:ClientId"] = "00000000-0000-0000-0000-000000000001";
        settings["Support:OperationsManager:Pager"] = "olivia.pager@infoflopay.example";
        settings["Paging:SigningKey"] = "resolved-from-key-vault-at-least-32-characters";
        using var host = Build(settings);

        await host.StartAsync();
        await host.StopAsync();
    }

    private sealed class NoMessageSender : IMessageSender
    {
        public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoEmailSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoPager : IPager
    {
        public Task PageAsync(Page page, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
