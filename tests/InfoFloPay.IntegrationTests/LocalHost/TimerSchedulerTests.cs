using InfoFloPay.DevHost.Functions;
using InfoFloPay.DevHost.Timers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.LocalHost;

public sealed class TimerSchedulerTests
{
    [Fact]
    public async Task A_timer_fires_on_its_ncrontab_schedule_read_from_settings()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 14, 0, 30, TimeSpan.Zero));
        var ticks = new TimerTicks();
        var scheduler = CreateScheduler(clock, ticks, schedule: "0 */5 * * * *");
        using var stop = new CancellationTokenSource();
        await scheduler.StartAsync(stop.Token);
        await scheduler.Armed.WaitAsync(TimeSpan.FromSeconds(10));

        // 14:00:30 → next run at 14:05:00; nothing happens before it.
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, ticks.Count);
        clock.Advance(TimeSpan.FromSeconds(30));
        var first = await ticks.Next.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new DateTime(2026, 11, 24, 14, 10, 0, DateTimeKind.Utc), first.ScheduleStatus!.Next);
        Assert.Equal(1, ticks.Count);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_schedule_that_is_not_ncrontab_stops_the_host_naming_the_function()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => CreateScheduler(TimeProvider.System, new TimerTicks(), schedule: "every five minutes"));

        Assert.Contains("TestTick", error.Message, StringComparison.Ordinal);
    }

    private static TimerScheduler CreateScheduler(TimeProvider clock, TimerTicks ticks, string schedule)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TEST_TICK_SCHEDULE"] = schedule })
            .Build();
        var services = new ServiceCollection().AddSingleton(ticks).BuildServiceProvider();
        var catalog = new FunctionCatalog(typeof(TimerSchedulerTests).Assembly);
        var runner = new TimerFunctionRunner(new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>()), clock);
        return new TimerScheduler(catalog, new SettingNameResolver(configuration), runner,
            Options.Create(new TimerSchedulerOptions()), clock, NullLogger<TimerScheduler>.Instance);
    }

    public sealed class TimerTicks
    {
        private readonly TaskCompletionSource<TimerInfo> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; private set; }

        public Task<TimerInfo> Next => _next.Task;

        public void Tick(TimerInfo info)
        {
            Count++;
            _next.TrySetResult(info);
        }
    }

    public sealed class TestTimer(TimerTicks ticks)
    {
        [Function("TestTick")]
        public void Run([TimerTrigger("%TEST_TICK_SCHEDULE%")] TimerInfo timer) => ticks.Tick(timer);
    }
}
