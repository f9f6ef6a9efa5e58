using Cronos;
using InfoFloPay.DevHost.Functions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.DevHost.Timers;

/// <summary>Settings section <c>DevHost:Timers</c>.</summary>
public sealed class TimerSchedulerOptions
{
    public const string SectionName = "DevHost:Timers";

    /// <summary>Tests turn the schedules off and fire timers through <c>POST /admin/functions/{name}</c>.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Fires each timer function on its six-field NCRONTAB schedule (UTC, as in Azure), one run at a time per function.</summary>
public sealed partial class TimerScheduler(
    FunctionCatalog catalog,
    SettingNameResolver settings,
    TimerFunctionRunner runner,
    IOptions<TimerSchedulerOptions> options,
    TimeProvider clock,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    /// <summary>Parses every schedule up front, so a bad expression or a missing setting stops the host at start-up.</summary>
    public IReadOnlyList<(FunctionDescriptor Function, CronExpression Schedule)> Schedules { get; } =
        [.. catalog.Functions
            .Where(function => function.Kind == TriggerKind.Timer)
            .Select(function => (function, Parse(function, settings)))];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _nextRuns = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When each timer function runs next (shown by <c>GET /admin/functions</c>).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NextRuns => _nextRuns;

    /// <summary>Completes once every schedule waits for its first occurrence, so a clock advanced after it is seen.</summary>
    public Task Armed => _armed.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(Schedules.Count);
            _armed.TrySetResult();
            return Task.CompletedTask;
        }

        return Task.WhenAll(Schedules.Select(entry => RunOnScheduleAsync(entry.Function, entry.Schedule, stoppingToken)));
    }

    private static CronExpression Parse(FunctionDescriptor function, SettingNameResolver settings)
    {
        var expression = settings.Resolve(function.Schedule!);
        try
        {
            return CronExpression.Parse(expression, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException(
                $"Timer function '{function.Name}' has schedule '{expression}', which is not a six-field NCRONTAB expression.", ex);
        }
    }

    private async Task RunOnScheduleAsync(FunctionDescriptor function, CronExpression schedule, CancellationToken stoppingToken)
    {
        if (function.RunOnStartup)
        {
            await RunOnceAsync(function, schedule.GetNextOccurrence(clock.GetUtcNow(), TimeZoneInfo.Utc), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(clock.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            LogNextRun(function.Name, next.Value);
            var due = Task.Delay(next.Value - clock.GetUtcNow(), clock, stoppingToken);

            // Armed only once the delay is registered with the clock, so a fake clock advanced afterwards fires it.
            _nextRuns[function.Name] = next.Value;
            if (_nextRuns.Count == Schedules.Count)
            {
                _armed.TrySetResult();
            }

            try
            {
                await due;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(function, schedule.GetNextOccurrence(next.Value, TimeZoneInfo.Utc), stoppingToken);
        }
    }

    private async Task RunOnceAsync(FunctionDescriptor function, DateTimeOffset? next, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(function, next, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed run is logged and the schedule goes on, as the Functions host does.
            LogRunFailed(ex, function.Name);
        }
    }

    [LoggerMessage(LogLevel.Information, "Timers are off (DevHost:Timers:Enabled=false); {Count} timer functions run only on POST /admin/functions/{{name}}")]
    private partial void LogDisabled(int count);

    [LoggerMessage(LogLevel.Debug, "Timer {Function} next runs at {Next:o}")]
    private partial void LogNextRun(string function, DateTimeOffset next);

    [LoggerMessage(LogLevel.Error, "Timer function {Function} failed")]
    private partial void LogRunFailed(Exception exception, string function);
}
