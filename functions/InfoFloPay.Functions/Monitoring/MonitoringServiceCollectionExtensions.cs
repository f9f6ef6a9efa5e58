using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring.Heartbeats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

internal static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Health probes, target storage and the outage rules; incidents go through the ticket service
    /// (<see cref="TicketServiceIncidents"/>).
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient(HttpTargetProber.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A health probe reports what the target answers, not where it redirects to.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.AddSingleton<MonitoringTable>();
        services.AddSingleton<MonitoringTargetStore>();
        services.AddSingleton<TargetStateStore>();
        services.AddSingleton(provider => new OutageTracker(provider.GetRequiredService<IOptions<MonitoringOptions>>().Value.ToPolicy()));
        services.AddSingleton<ITargetProber, HttpTargetProber>();
        services.AddSingleton<ITargetProber, TcpTargetProber>();
        services.AddSingleton<HeartbeatStore>();
        services.AddSingleton<HeartbeatUrls>();
        services.AddSingleton<ITargetProber, HeartbeatProber>();
        services.AddSingleton<HeartbeatReceiver>();
        services.AddSingleton<ProbeResultRecorder>();
        services.AddSingleton<IncidentDispatcher>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<TargetRegistry>();
        services.AddSingleton<PublicStatusBoard>();
        services.AddSingleton<MaintenanceWindowStore>();
        services.AddSingleton<MaintenanceRegistry>();
        services.AddSingleton<MaintenanceSchedule>();

        // Replaces any fallback registered before (a desk without stored windows), whichever order the features register in.
        services.Replace(ServiceDescriptor.Singleton<IMaintenanceSchedule>(provider => provider.GetRequiredService<MaintenanceSchedule>()));

        services.TryAddSingleton<IIncidentTickets, TicketServiceIncidents>();
        return services;
    }
}
