using InfoFloPay.Functions;
using InfoFloPay.Functions.Monitoring;
using Microsoft.Extensions.Configuration;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class MonitoringRegistrationTests
{
    [Fact]
    public void In_the_whole_app_monitoring_opens_incidents_through_the_ticket_service()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddHelpdesk(configuration);

        // Validation proves every dependency of the probe runner resolves, without connecting to anything.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var incidents = Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IIncidentTickets));
        Assert.Equal(typeof(TicketServiceIncidents), incidents.ImplementationType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_stored_maintenance_windows_answer_for_the_schedule_whichever_side_registers_first(bool fallbackFirst)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (fallbackFirst)
        {
            services.TryAddSingleton<IMaintenanceSchedule, NoWindows>();
        }

        services.AddHelpdesk(configuration);
        services.TryAddSingleton<IMaintenanceSchedule, NoWindows>();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var schedule = Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IMaintenanceSchedule));
        Assert.Null(schedule.ImplementationType);
        Assert.IsType<MaintenanceSchedule>(provider.GetRequiredService<IMaintenanceSchedule>());
    }

    /// <summary>What a feature that needs a schedule registers until monitoring's is there.</summary>
    private sealed class NoWindows : IMaintenanceSchedule
    {
        public ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
    }
}
