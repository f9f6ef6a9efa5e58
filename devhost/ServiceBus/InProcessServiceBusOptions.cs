namespace InfoFloPay.DevHost.ServiceBus;

/// <summary>Settings section <c>DevHost:ServiceBus</c>; defaults match the entities that infra/ provisions.</summary>
public sealed class InProcessServiceBusOptions
{
    public const string SectionName = "DevHost:ServiceBus";

    /// <summary>Attempts before a message is dead-lettered, as the entity's <c>maxDeliveryCount</c>.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Sends with a message id seen within this window are dropped, as duplicate detection does.</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages handled at once per queue or subscription.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;
}
