namespace InfoFloPay.Functions.Messaging;

/// <summary>Where ticket events are published: the topic named by the app setting <c>HELPDESK_EVENTS_TOPIC</c>.</summary>
public sealed class HelpdeskEventsOptions
{
    public const string TopicSetting = "HELPDESK_EVENTS_TOPIC";

    public const string DefaultTopic = "helpdesk-events";

    public string Topic { get; set; } = DefaultTopic;
}
