using System.Reflection;

namespace InfoFloPay.DevHost.Functions;

public enum TriggerKind
{
    Http,
    Timer,
    ServiceBus,
}

/// <summary>One <c>[Function]</c> method of the Function App, as the local host runs it.</summary>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, ParameterInfo TriggerParameter, TriggerKind Kind)
{
    public Type FunctionType => Method.DeclaringType!;

    /// <summary>HTTP: the route template below the route prefix, e.g. <c>tickets/{id}</c>.</summary>
    public string? Route { get; init; }

    /// <summary>HTTP: upper-case methods; empty means any.</summary>
    public IReadOnlyList<string> HttpMethods { get; init; } = [];

    /// <summary>Timer: the NCRONTAB schedule as written, possibly a <c>%Setting%</c> name.</summary>
    public string? Schedule { get; init; }

    public bool RunOnStartup { get; init; }

    /// <summary>Service Bus: queue name, or topic name with <see cref="SubscriptionName"/>; possibly <c>%Setting%</c> names.</summary>
    public string? QueueName { get; init; }

    public string? TopicName { get; init; }

    public string? SubscriptionName { get; init; }

    public string? Connection { get; init; }
}
