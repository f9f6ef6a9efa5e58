using System.Collections.Concurrent;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.LocalHost;

/// <summary>The local host's Service Bus stand-in behaves like the real one where handlers can tell the difference.</summary>
public sealed class InProcessServiceBusTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
    private readonly DeliveryLog _log = new();
    private InProcessServiceBus _bus = null!;

    public async Task InitializeAsync() => _bus = await StartBusAsync(_clock);

    private async Task<InProcessServiceBus> StartBusAsync(TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TEST_TOPIC"] = "events",
            ["TEST_QUEUE"] = "work",
        }).Build();
        var services = new ServiceCollection().AddSingleton(_log).BuildServiceProvider();
        var bus = new InProcessServiceBus(
            new FunctionCatalog(typeof(InProcessServiceBusTests).Assembly),
            new SettingNameResolver(configuration),
            new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>()),
            Options.Create(new InProcessServiceBusOptions { MaxDeliveryCount = 4, DuplicateDetectionWindow = TimeSpan.FromMinutes(10) }),
            clock,
            NullLogger<InProcessServiceBus>.Instance);
        await bus.StartAsync(CancellationToken.None);
        return bus;
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_topic_message_reaches_every_subscription_once()
    {
        await _bus.SendAsync("events", Message("m1", "hello"), CancellationToken.None);
        await _bus.WhenIdleAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["audit:m1:1", "mailer:m1:1"], _log.Deliveries.Order());
    }

    [Fact]
    public async Task A_message_id_sent_twice_within_the_window_is_delivered_once_and_again_after_it()
    {
        await _bus.SendAsync("work", Message("same", "ok"), CancellationToken.None);
        await _bus.SendAsync("work", Message("same", "ok"), CancellationToken.None);
        await _bus.WhenIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Single(_log.Deliveries);

        _clock.Advance(TimeSpan.FromMinutes(11));
        await _bus.SendAsync("work", Message("same", "ok"), CancellationToken.None);
        await _bus.WhenIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _log.Deliveries.Count);
    }

    [Fact]
    public async Task A_failing_handler_gets_the_message_again_with_a_higher_delivery_count()
    {
        await _bus.SendAsync("work", Message("flaky", "fail-twice"), CancellationToken.None);
        await _bus.WhenIdleAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["work:flaky:1", "work:flaky:2", "work:flaky:3"], _log.Deliveries);
        Assert.Empty(_bus.DeadLetters);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_the_max_delivery_count()
    {
        await _bus.SendAsync("work", Message("poison", "always-fail"), CancellationToken.None);
        await _bus.WhenIdleAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, _log.Deliveries.Count);
        var deadLetter = Assert.Single(_bus.DeadLetters);
        Assert.Equal(("work", "poison", 4, "MaxDeliveryCountExceeded"),
            (deadLetter.EntityPath, deadLetter.MessageId, deadLetter.DeliveryCount, deadLetter.DeadLetterReason));
        Assert.Contains("always-fail", deadLetter.DeadLetterErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_to_an_entity_nobody_listens_on_fails_like_a_missing_entity()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _bus.SendAsync("no-such-queue", Message("x", "ok"), CancellationToken.None));

        Assert.Contains("no-such-queue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_message_whose_timer_fires_a_little_early_still_waits_for_its_instant()
    {
        // System timers count whole milliseconds on their own clock; this one fires 5 ms before the wall clock's instant.
        await using var bus = await StartBusAsync(new EarlyTimers(_clock, TimeSpan.FromMilliseconds(5)));
        var at = _clock.GetUtcNow().AddMinutes(5);
        await bus.ScheduleAsync("work", Message("s1", "ok"), at, CancellationToken.None);

        _clock.Advance(at - _clock.GetUtcNow() - TimeSpan.FromMilliseconds(5));
        await bus.WhenIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_log.Deliveries);

        _clock.Advance(TimeSpan.FromMilliseconds(6));
        await bus.WhenIdleAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["work:s1:1"], _log.Deliveries);
    }

    private sealed class EarlyTimers(TimeProvider inner, TimeSpan early) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        // Only the first arming is early; a timer changed afterwards keeps the time it is given.
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime > early ? dueTime - early : dueTime, period);
    }

    private static OutgoingMessage Message(string id, string body) => new(id, "test", BinaryData.FromString(body));

    public sealed class DeliveryLog
    {
        private readonly ConcurrentQueue<string> _deliveries = new();

        public IReadOnlyList<string> Deliveries => [.. _deliveries];

        public void Add(string entry) => _deliveries.Enqueue(entry);
    }

    public sealed class TestHandlers(DeliveryLog log)
    {
        [Function("TestAudit")]
        public void Audit([ServiceBusTrigger("%TEST_TOPIC%", "audit")] string body, string messageId, int deliveryCount) =>
            log.Add($"audit:{messageId}:{deliveryCount}");

        [Function("TestMailer")]
        public Task Mail([ServiceBusTrigger("%TEST_TOPIC%", "mailer")] string body, string messageId, int deliveryCount)
        {
            log.Add($"mailer:{messageId}:{deliveryCount}");
            return Task.CompletedTask;
        }

        [Function("TestWorker")]
        public async Task Work([ServiceBusTrigger("%TEST_QUEUE%")] string body, string messageId, int deliveryCount, CancellationToken cancellationToken)
        {
            await Task.Yield();
            log.Add($"work:{messageId}:{deliveryCount}");
            if (body == "always-fail" || (body == "fail-twice" && deliveryCount < 3))
            {
                throw new InvalidOperationException($"handler refused {body}");
            }
        }
    }
}
