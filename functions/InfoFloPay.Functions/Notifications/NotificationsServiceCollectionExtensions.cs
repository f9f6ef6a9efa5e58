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
            .ValidateOnStartInAzure(configuration);

        services.AddSingleton<IEmailSender, AcsEmailSender>();
        services.AddSingleton<PagerDutyPager>();
        services.AddSingleton<EmailPager>();
        services.AddSingleton<IPager, PagerRouter>();

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
