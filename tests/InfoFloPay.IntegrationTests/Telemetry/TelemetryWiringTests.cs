using InfoFloPay.Functions.Operations.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace InfoFloPay.IntegrationTests.Telemetry;

/// <summary>The export to Application Insights is wired only when its connection string is set; the counters always are.</summary>
public sealed class TelemetryWiringTests
{
    [Fact]
    public void Without_a_connection_string_the_counters_exist_and_nothing_exports()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.NotNull(provider.GetService<HelpdeskMetrics>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void With_a_connection_string_a_meter_provider_exports_the_desks_meter()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
            [TelemetryServiceCollectionExtensions.AuthenticationStringSetting] = "ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD",
        });

        Assert.NotNull(provider.GetService<HelpdeskMetrics>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", "abc")]
    [InlineData("Authorization=AAD", "")]
    [InlineData("", null)]
    [InlineData("ClientId=abc", null)]
    public void The_authentication_string_names_the_identity_that_signs_telemetry(string setting, string? clientId) =>
        Assert.Equal(clientId, TelemetryServiceCollectionExtensions.EntraClientId(setting));

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddTelemetry(configuration);
        return services.BuildServiceProvider();
    }
}
