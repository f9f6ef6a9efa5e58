using System.Reflection;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.IntegrationTests.Intake;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Telemetry;

/// <summary>A trigger's failure on the last delivery is what the dead-letter alert counts: once, by function, and
/// still thrown so Service Bus dead-letters the message; earlier failures and cancellations are not counted.</summary>
public sealed class LastDeliveryWatchTests : IDisposable
{
    private readonly UnsharedMeterFactory _meters = new();
    private readonly ScopedLogCapture _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly RecordedMeasurements _recorded;
    private readonly LastDeliveryWatch _watch;

    public LastDeliveryWatchTests()
    {
        _recorded = new RecordedMeasurements(_meters);
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(_logs));
        _watch = new LastDeliveryWatch(_loggers.CreateLogger<LastDeliveryWatch>(), new HelpdeskMetrics(_meters));
    }

    [Fact]
    public async Task A_failure_on_the_last_delivery_is_counted_by_function_logged_as_an_error_and_rethrown()
    {
        var failure = new InvalidOperationException("storage down");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _watch.RunAsync("DeliverSlaDue", "due-IFP-7", HelpdeskMetrics.MaxDeliveryCount, () => throw failure));

        Assert.Same(failure, thrown);
        var counted = Assert.Single(_recorded.Of(HelpdeskMetrics.DeadLetters));
        Assert.Equal("DeliverSlaDue", counted["function"]);
        Assert.Contains(_logs.Entries, line => line.Message.Contains("due-IFP-7 failed its last delivery (10)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Earlier_failures_successes_and_cancellations_are_not_counted()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _watch.RunAsync("RouteAssignment", "m1", HelpdeskMetrics.MaxDeliveryCount - 1, () => throw new InvalidOperationException("retry me")));
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => _watch.RunAsync("RouteAssignment", "m2", HelpdeskMetrics.MaxDeliveryCount, () => throw new OperationCanceledException()));
        await _watch.RunAsync("RouteAssignment", "m3", HelpdeskMetrics.MaxDeliveryCount, () => Task.CompletedTask);

        Assert.Empty(_recorded.Of(HelpdeskMetrics.DeadLetters));
    }

    public static TheoryData<string> Triggers() =>
        [.. typeof(LastDeliveryWatch).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(IsServiceBusTrigger))
            .Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Every_service_bus_trigger_runs_under_the_watch_and_binds_the_delivery_count(string typeName)
    {
        var type = typeof(LastDeliveryWatch).Assembly.GetType(typeName)!;

        Assert.Contains(type.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(LastDeliveryWatch));
        Assert.All(type.GetMethods().Where(IsServiceBusTrigger), method =>
            Assert.Contains(method.GetParameters(), p => p.Name == "deliveryCount" && p.ParameterType == typeof(int)));
    }

    private static bool IsServiceBusTrigger(MethodInfo method) =>
        method.GetParameters().Any(p => p.GetCustomAttribute<ServiceBusTriggerAttribute>() is not null);

    public void Dispose()
    {
        _recorded.Dispose();
        _loggers.Dispose();
        _meters.Dispose();
        _logs.Dispose();
    }
}
