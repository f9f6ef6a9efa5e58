using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// Service Bus trigger binding. The official worker extension is not on this project's feed; the worker SDK derives
/// the binding metadata from the attribute itself (its name minus "Attribute", camel-cased, gives the
/// <c>serviceBusTrigger</c> type, and the constructor parameters and properties become binding properties),
/// so this attribute yields the same function metadata as the official one.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Triggers on a queue. <paramref name="queueName"/> may be a <c>%Setting%</c> name.</summary>
    public ServiceBusTriggerAttribute(string queueName) => QueueName = queueName;

    /// <summary>Triggers on a topic subscription. Both names may be <c>%Setting%</c> names.</summary>
    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    public string? QueueName { get; }

    public string? TopicName { get; }

    public string? SubscriptionName { get; }

    /// <summary>The app setting prefix (or connection-string setting) of the namespace connection.</summary>
    public string? Connection { get; set; }

    public bool IsSessionsEnabled { get; set; }

    public bool AutoCompleteMessages { get; set; } = true;
}
