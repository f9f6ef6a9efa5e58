using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>The probers as registered, against real local servers.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ProberTests(AzuriteFixture azurite)
{
    private static MonitoredTarget Http(string url, int expectedStatus = 200) =>
        TargetDefinition.Validate(new TargetDraft("checkout", "http", url, expectedStatus, 5, null, 1, null)).Target!;

    private static ITargetProber Prober(MonitoringHarness monitoring, ProbeKind kind) =>
        monitoring.Service<IEnumerable<ITargetProber>>().Single(p => p.Kind == kind);

    [Fact]
    public async Task Latency_is_the_time_the_probe_took_on_the_clock()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        server.WhileAnswering = () => monitoring.Clock.Advance(TimeSpan.FromMilliseconds(250));

        var outcome = await Prober(monitoring, ProbeKind.Http).ProbeAsync(Http(server.Url(HealthPage.Path)), default);

        Assert.True(outcome.Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(250), outcome.Latency);
    }

    [Fact]
    public async Task A_status_other_than_the_expected_one_fails()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);

        var outcome = await Prober(monitoring, ProbeKind.Http).ProbeAsync(Http(server.Url(HealthPage.Path), expectedStatus: 204), default);

        Assert.False(outcome.Succeeded);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("HTTP 200, expected 204.", outcome.Detail);
    }

    [Fact]
    public async Task A_redirect_is_reported_not_followed()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var monitoring = MonitoringHarness.Create(azurite);
        server.AnswerWith(HealthPage.Status(302));

        var outcome = await Prober(monitoring, ProbeKind.Http).ProbeAsync(Http(server.Url(HealthPage.Path)), default);

        Assert.False(outcome.Succeeded);
        Assert.Equal(302, outcome.StatusCode);
    }

    [Fact]
    public async Task A_refused_connection_fails_with_the_reason()
    {
        using var server = ControllableTcpServer.Start();
        server.Stop();
        await using var monitoring = MonitoringHarness.Create(azurite);
        var target = TargetDefinition.Validate(new TargetDraft("ledger-db", "tcp", server.Address, null, 5, null, 1, null)).Target!;

        var outcome = await Prober(monitoring, ProbeKind.Tcp).ProbeAsync(target, default);

        Assert.False(outcome.Succeeded);
        Assert.Contains("ConnectionRefused", outcome.Detail);
    }
}
