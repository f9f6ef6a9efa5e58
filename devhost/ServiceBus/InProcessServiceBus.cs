using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.Functions.Messaging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.DevHost.ServiceBus;

/// <summary>
/// A stand-in for Service Bus inside the local host: queues and topic subscriptions come from the
/// <c>[ServiceBusTrigger]</c> functions; delivery is at-least-once (a throwing handler gets the message again),
/// a message that fails <see cref="InProcessServiceBusOptions.MaxDeliveryCount"/> times is dead-lettered,
/// and a message id already sent to an entity within the duplicate-detection window is dropped.
/// </summary>
public sealed partial class InProcessServiceBus : IMessageSender, IHostedService, IAsyncDisposable
{
    private readonly Dictionary<string, List<Receiver>> _receiversByEntity;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentMessageIds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeadLetteredMessage> _deadLetters = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _idleLock = new();
    private readonly InProcessServiceBusOptions _options;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _clock;
    private readonly ILogger<InProcessServiceBus> _logger;
    private readonly List<Task> _pumps = [];
    private readonly ConcurrentDictionary<ITimer, byte> _scheduled = new();
    private TaskCompletionSource _idle = NewCompletedIdle();
    private int _inFlight;
    private int _disposed;

    public InProcessServiceBus(
        FunctionCatalog catalog,
        SettingNameResolver settings,
        FunctionInvoker invoker,
        IOptions<InProcessServiceBusOptions> options,
        TimeProvider clock,
        ILogger<InProcessServiceBus> logger)
    {
        _options = options.Value;
        _invoker = invoker;
        _clock = clock;
        _logger = logger;
        _receiversByEntity = catalog.Functions
            .Where(function => function.Kind == TriggerKind.ServiceBus)
            .Select(function => new Receiver(function, EntityPathOf(function, settings)))
            .GroupBy(receiver => receiver.SendEntity, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Queues, and topics with their subscriptions, that the functions listen on.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Entities =>
        _receiversByEntity.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)[.. pair.Value.Select(receiver => receiver.EntityPath)],
            StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<DeadLetteredMessage> DeadLetters => [.. _deadLetters];

    public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_receiversByEntity.TryGetValue(entityName, out var receivers))
        {
            throw new InvalidOperationException(
                $"Service Bus entity '{entityName}' does not exist: no [ServiceBusTrigger] function listens on it.");
        }

        var now = _clock.GetUtcNow();
        if (IsDuplicate(entityName, message.MessageId, now))
        {
            LogDuplicateDropped(message.MessageId, entityName);
            return Task.CompletedTask;
        }

        foreach (var receiver in receivers)
        {
            Enqueue(receiver, new BusDelivery(receiver.EntityPath, message, now, DeliveryCount: 1));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Scheduled delivery on the host's <see cref="TimeProvider"/> (a fake clock in tests): the message is enqueued when
    /// the clock reaches <paramref name="enqueueAt"/>, as Service Bus does with <c>ScheduledEnqueueTime</c>. Duplicate
    /// detection applies when it is sent, as in Service Bus. A message waiting for its time is not "in flight", so
    /// <see cref="WhenIdleAsync"/> does not wait for it.
    /// </summary>
    public Task ScheduleAsync(string entityName, OutgoingMessage message, DateTimeOffset enqueueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delay = enqueueAt - _clock.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return SendAsync(entityName, message, cancellationToken);
        }

        if (!_receiversByEntity.TryGetValue(entityName, out var receivers))
        {
            throw new InvalidOperationException(
                $"Service Bus entity '{entityName}' does not exist: no [ServiceBusTrigger] function listens on it.");
        }

        if (IsDuplicate(entityName, message.MessageId, _clock.GetUtcNow()))
        {
            LogDuplicateDropped(message.MessageId, entityName);
            return Task.CompletedTask;
        }

        ITimer? timer = null;
        timer = _clock.CreateTimer(
            _ =>
            {
                // A system timer counts whole milliseconds on its own clock and can fire a little before the wall clock
                // reaches the instant; Service Bus never enqueues before it, so neither does this bus.
                if (enqueueAt - _clock.GetUtcNow() is { } remaining && remaining > TimeSpan.Zero && timer is not null)
                {
                    timer.Change(remaining + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                    return;
                }

                if (timer is not null && _scheduled.TryRemove(timer, out var _))
                {
                    timer.Dispose();
                }

                foreach (var receiver in receivers)
                {
                    Enqueue(receiver, new BusDelivery(receiver.EntityPath, message, _clock.GetUtcNow(), DeliveryCount: 1));
                }
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        _scheduled[timer] = 0;
        return Task.CompletedTask;
    }

    /// <summary>Delivers a message to a queue or subscription again, as Service Bus does when a lock is lost after the
    /// handler ran: duplicate detection does not apply, and the delivery count goes up.</summary>
    public void Redeliver(string entityPath, OutgoingMessage message, int deliveryCount = 2)
    {
        var receiver = _receiversByEntity.Values.SelectMany(list => list)
            .FirstOrDefault(candidate => string.Equals(candidate.EntityPath, entityPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No queue or subscription '{entityPath}'.");
        Enqueue(receiver, new BusDelivery(entityPath, message, _clock.GetUtcNow(), deliveryCount));
    }

    /// <summary>Hands a message straight to one function's queue or subscription, as the admin API's "run now" does.</summary>
    public void DeliverTo(FunctionDescriptor function, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(function);
        var receiver = _receiversByEntity.Values.SelectMany(list => list).Single(candidate => candidate.Function == function);
        Enqueue(receiver, new BusDelivery(receiver.EntityPath, message, _clock.GetUtcNow(), DeliveryCount: 1));
    }

    /// <summary>Completes when no message is queued or being handled, so a caller can read what the handlers did.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        Task idle;
        lock (_idleLock)
        {
            idle = _idle.Task;
        }

        await idle.WaitAsync(timeout);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var receiver in _receiversByEntity.Values.SelectMany(list => list))
        {
            for (var worker = 0; worker < Math.Max(1, _options.MaxConcurrentCalls); worker++)
            {
                _pumps.Add(Task.Run(() => PumpAsync(receiver, _stopping.Token), CancellationToken.None));
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 0 && !_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_pumps).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as IMessageSender, so the container may dispose it twice.
        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var timer in _scheduled.Keys)
            {
                await timer.DisposeAsync();
            }

            _stopping.Dispose();
        }
    }

    private static string EntityPathOf(FunctionDescriptor function, SettingNameResolver settings) =>
        function.QueueName is { } queue
            ? settings.Resolve(queue)
            : $"{settings.Resolve(function.TopicName!)}/subscriptions/{settings.Resolve(function.SubscriptionName!)}";

    private static TaskCompletionSource NewCompletedIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    private bool IsDuplicate(string entityName, string messageId, DateTimeOffset now)
    {
        var key = entityName + "\n" + messageId;
        foreach (var expired in _recentMessageIds.Where(pair => now - pair.Value > _options.DuplicateDetectionWindow))
        {
            _recentMessageIds.TryRemove(expired);
        }

        return !_recentMessageIds.TryAdd(key, now);
    }

    private void Enqueue(Receiver receiver, BusDelivery delivery)
    {
        lock (_idleLock)
        {
            if (_inFlight++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        receiver.Queue.Writer.TryWrite(delivery);
    }

    private void Settled()
    {
        lock (_idleLock)
        {
            if (--_inFlight == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private async Task PumpAsync(Receiver receiver, CancellationToken stopping)
    {
        try
        {
            await foreach (var delivery in receiver.Queue.Reader.ReadAllAsync(stopping))
            {
                await HandleAsync(receiver, delivery, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host shutting down; undelivered messages are lost with the process, as in-memory state is.
        }
    }

    private async Task HandleAsync(Receiver receiver, BusDelivery delivery, CancellationToken stopping)
    {
        try
        {
            await _invoker.InvokeAsync(receiver.Function, (parameter, out value) => Bind(parameter, delivery, receiver, stopping, out value));
            LogHandled(receiver.Function.Name, delivery.Message.MessageId, delivery.DeliveryCount);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            if (delivery.DeliveryCount >= _options.MaxDeliveryCount)
            {
                _deadLetters.Enqueue(new DeadLetteredMessage(
                    delivery.EntityPath,
                    delivery.Message.MessageId,
                    delivery.Message.Subject,
                    delivery.Message.Body.ToString(),
                    delivery.DeliveryCount,
                    "MaxDeliveryCountExceeded",
                    ex.Message,
                    _clock.GetUtcNow()));
                LogDeadLettered(ex, delivery.Message.MessageId, delivery.EntityPath, delivery.DeliveryCount);
            }
            else
            {
                LogWillRetry(ex, receiver.Function.Name, delivery.Message.MessageId, delivery.DeliveryCount);
                Enqueue(receiver, delivery with { DeliveryCount = delivery.DeliveryCount + 1 });
            }
        }
        finally
        {
            Settled();
        }
    }

    private static bool Bind(System.Reflection.ParameterInfo parameter, BusDelivery delivery, Receiver receiver, CancellationToken stopping, out object? value)
    {
        var message = delivery.Message;
        if (parameter.Position == receiver.Function.TriggerParameter.Position)
        {
            value = parameter.ParameterType == typeof(string) ? message.Body.ToString()
                : parameter.ParameterType == typeof(BinaryData) ? message.Body
                : parameter.ParameterType == typeof(byte[]) ? message.Body.ToArray()
                : JsonSerializer.Deserialize(message.Body.ToString(), parameter.ParameterType, JsonSerializerOptions.Web);
            return true;
        }

        value = parameter.ParameterType == typeof(CancellationToken) ? stopping : parameter.Name switch
        {
            "messageId" => message.MessageId,
            "deliveryCount" => delivery.DeliveryCount,
            "subject" or "label" => message.Subject,
            "enqueuedTimeUtc" => delivery.EnqueuedAt.UtcDateTime,
            "applicationProperties" or "userProperties" => message.ApplicationProperties,
            _ => null,
        };
        return value is not null;
    }

    [LoggerMessage(LogLevel.Information, "Dropped duplicate message {MessageId} sent to {Entity}")]
    private partial void LogDuplicateDropped(string messageId, string entity);

    [LoggerMessage(LogLevel.Debug, "{Function} handled message {MessageId} (delivery {DeliveryCount})")]
    private partial void LogHandled(string function, string messageId, int deliveryCount);

    [LoggerMessage(LogLevel.Warning, "{Function} failed on message {MessageId} (delivery {DeliveryCount}); it will be delivered again")]
    private partial void LogWillRetry(Exception exception, string function, string messageId, int deliveryCount);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} on {Entity} dead-lettered after {DeliveryCount} deliveries")]
    private partial void LogDeadLettered(Exception exception, string messageId, string entity, int deliveryCount);

    private sealed class Receiver(FunctionDescriptor function, string entityPath)
    {
        public FunctionDescriptor Function { get; } = function;

        /// <summary>The queue, or <c>topic/subscriptions/name</c>.</summary>
        public string EntityPath { get; } = entityPath;

        /// <summary>The entity a sender names: the queue, or the topic.</summary>
        public string SendEntity { get; } = entityPath.Split('/')[0];

        public Channel<BusDelivery> Queue { get; } = Channel.CreateUnbounded<BusDelivery>();
    }
}
