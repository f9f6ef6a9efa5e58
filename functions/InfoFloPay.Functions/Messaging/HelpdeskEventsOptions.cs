using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// Where helpdesk events go: the topic the app setting <c>HELPDESK_EVENTS_TOPIC</c> names, the same setting the
/// notifications trigger reads as <c>%HELPDESK_EVENTS_TOPIC%</c>, so publisher and subscriber cannot disagree.
/// </summary>
public sealed class HelpdeskEventsOptions
{
    public const string TopicSetting = "HELPDESK_EVENTS_TOPIC";

    /// <summary>The setting the notifications trigger names its subscription by.</summary>
    public const string NotificationsSubscriptionSetting = "NOTIFICATIONS_SUBSCRIPTION";

    [Required]
    public string Topic { get; set; } = "helpdesk-events";
}
