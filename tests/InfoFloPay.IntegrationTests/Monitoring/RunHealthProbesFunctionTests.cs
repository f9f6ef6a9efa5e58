using System.Reflection;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.IntegrationTests.Monitoring;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RunHealthProbesFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_timer_takes_its_schedule_from_the_probe_schedule_setting()
    {
        var run = typeof(RunHealthProbesFunction).GetMethod(nameof(RunHealthProbesFunction.Run))!;

        Assert.Equal("RunHealthProbes", run.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.Equal("%PROBE_SCHEDULE%", run.GetParameters()[0].GetCustomAttribute<TimerTriggerAttribute>()!.Schedule);
        Assert.Equal([typeof(TimerInfo), typeof(CancellationToken)], run.GetParameters().Select(p => p.ParameterType));
    }

    [Fact]
    public async Task A_timer_tick_probes_every_target()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        using var tcp = ControllableTcpServer.Start();
        await using var monitoring = MonitoringHarness.Create(azurite);
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path));
        await monitoring.AddTargetAsync("ledger-db", "tcp", tcp.Address);

        await monitoring.Function<RunHealthProbesFunction>().Run(new TimerInfo(), CancellationToken.None);

        Assert.True((await monitoring.StateOfAsync("checkout")).LastResult!.Succeeded);
        Assert.True((await monitoring.StateOfAsync("ledger-db")).LastResult!.Succeeded);
    }
}
