using InfoFloPay.Functions;
using InfoFloPay.Functions.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
}
