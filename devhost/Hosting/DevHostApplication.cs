using InfoFloPay.DevHost.Admin;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.DevHost.Settings;
using InfoFloPay.DevHost.Timers;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.DevHost.Hosting;

/// <summary>
/// Composes the local host: the Function App's own services (<c>AddHelpdesk</c>), its function classes mapped to
/// routes, timers and an in-process Service Bus, and the outbox in place of email and paging.
/// </summary>
public static class DevHostApplication
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Same precedence as the Functions host: local.settings.json, then environment variables, then the command line.
        var localSettings = LocalSettingsConfigurationExtensions.FindLocalSettingsFile(builder.Environment.ContentRootPath);
        if (localSettings is not null)
        {
            var values = new ConfigurationBuilder().AddLocalSettingsFile(localSettings).Build().AsEnumerable();
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var hostJson = Path.Combine(Path.GetDirectoryName(typeof(HelpdeskServiceCollectionExtensions).Assembly.Location)!, "host.json");
        app.MapHttpFunctions(catalog, HttpFunctionEndpoints.ReadRoutePrefix(hostJson));
        app.MapAdminEndpoints();
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHelpdesk(configuration);
        services.AddProblemDetails();
        services.AddMvcCore();

        services.AddSingleton(_ => FunctionCatalog.ForHelpdesk());
        services.AddSingleton<SettingNameResolver>();
        services.AddSingleton<FunctionInvoker>();

        services.AddOptions<TimerSchedulerOptions>().BindConfiguration(TimerSchedulerOptions.SectionName);
        services.AddSingleton<TimerFunctionRunner>();
        services.AddSingleton<TimerScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<TimerScheduler>());

        services.AddOptions<InProcessServiceBusOptions>().BindConfiguration(InProcessServiceBusOptions.SectionName)
            .Validate(options => options.MaxDeliveryCount >= 1, "DevHost:ServiceBus:MaxDeliveryCount must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<InProcessServiceBus>();
        services.AddHostedService(provider => provider.GetRequiredService<InProcessServiceBus>());
        services.Replace(ServiceDescriptor.Singleton<IMessageSender>(provider => provider.GetRequiredService<InProcessServiceBus>()));

        // Locally nothing leaves the machine: mail and pages land in the outbox (GET /admin/outbox).
        services.AddSingleton<Outbox.Outbox>();
        services.AddSingleton<Seeding.SeedLoader>();
        services.Replace(ServiceDescriptor.Singleton<IEmailSender, Outbox.OutboxEmailSender>());
        services.Replace(ServiceDescriptor.Singleton<IPager, Outbox.OutboxPager>());
    }
}
