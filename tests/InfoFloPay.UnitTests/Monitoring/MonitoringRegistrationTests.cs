using Azure.Data.Tables;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class MonitoringRegistrationTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new TableServiceClient("UseDevelopmentStorage=true"));
        services.AddMonitoring(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Without_the_ticket_adapter_the_app_starts_and_a_probe_run_says_what_is_missing()
    {
        using var provider = Build();

        var failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ProbeRunner>());

        Assert.Contains(nameof(IIncidentTickets), failure.Message);
    }

    [Fact]
    public void The_ticket_adapter_registered_after_monitoring_is_the_one_used()
    {
        var adapter = new NoTickets();
        using var provider = Build(services => services.AddSingleton<IIncidentTickets>(adapter));

        Assert.Same(adapter, provider.GetRequiredService<IIncidentTickets>());
        Assert.NotNull(provider.GetRequiredService<ProbeRunner>());
    }

    private sealed class NoTickets : IIncidentTickets
    {
        public Task<string> OpenIncidentAsync(MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
