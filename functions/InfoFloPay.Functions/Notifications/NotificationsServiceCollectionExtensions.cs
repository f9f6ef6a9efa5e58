using Azure.Data.Tables;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Email;
using InfoFloPay.Functions.Notifications.Paging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Notifications;

internal static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Email through ACS, paging (webhook or email), composition and the dispatcher. The adapters read their settings on
    /// first use, so the local host (which swaps <see cref="IEmailSender"/> and <see cref="IPager"/> for its outbox) needs
    /// none of them; in Azure they are validated at start-up (<see cref="AzureDeployment"/>).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStartInAzure(configuration);

        services.AddOptions<PagingOptions>()
            .BindConfiguration(PagingOptions.SectionName)
            .Validate(
                options => !PagerRouter.TryWebhook(configuration["Support:OperationsManager:Pager"], out _)
                    || !string.IsNullOrWhiteSpace(options.RoutingKey),
                "Support__OperationsManager__Pager is a webhook URL, so Paging__RoutingKey (the PagerDuty integration key) is required.")
            .Validate(options => options.AcknowledgeWithin > TimeSpan.Zero && options.LinkValidity > TimeSpan.Zero,
                "Paging__AcknowledgeWithin and Paging__LinkValidity must be positive durations (hh:mm:ss).")
            .Validate(
                // Unset means no links in Azure (PageLinkSigner); a key that is set must be long enough to be one.
                options => string.IsNullOrEmpty(options.SigningKey) || options.SigningKey.Length >= PageLinkSigner.MinimumKeyLength,
                $"Paging__SigningKey (the acknowledgement links' HMAC key, a Key Vault reference) must be at least {PageLinkSigner.MinimumKeyLength} characters.")
            .ValidateOnStartInAzure(configuration);

        services.AddSingleton<IEmailSender, AcsEmailSender>();
        services.AddSingleton<PagerDutyPager>();
        services.AddSingleton<EmailPager>();
        services.AddSingleton<IPager, PagerRouter>();
        services.AddSingleton<PageLinkSigner>();
        services.AddSingleton<PageLinks>();
        services.AddHostedService<SigningKeyStartupWarning>();
        services.AddSingleton<PagingPlanSource>();

        services.AddOptions<DeskLinkOptions>()
            .BindConfiguration(DeskLinkOptions.SectionName)
            .PostConfigure(options => options.PublicBaseUrl = TicketLinks.Resolve(options.PublicBaseUrl, configuration["WEBSITE_HOSTNAME"]))
            .ValidateDataAnnotations()
            .ValidateOnStartInAzure(configuration);
        services.AddSingleton<TicketLinks>();
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<SlaWording>();
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<INotificationJournal>(provider => new TableNotificationJournal(provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<INotificationTimeline, TicketNotificationTimeline>();
        services.AddSingleton<INotificationDispatcher, NotificationDispatcher>();
        return services;
    }
}
