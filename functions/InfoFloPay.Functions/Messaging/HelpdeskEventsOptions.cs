using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// Where helpdesk events go. Bound from the same app settings the trigger names as <c>%HELPDESK_EVENTS_TOPIC%</c> and
/// <c>%NOTIFICATIONS_SUBSCRIPTION%</c>, so the publisher and the subscriber cannot disagree.
/// </summary>
public sealed class HelpdeskEventsOptions
{
    public const string TopicSetting = "HELPDESK_EVENTS_TOPIC";
    public const string NotificationsSubscriptionSetting = "NOTIFICATIONS_SUBSCRIPTION";

    [Required]
    public string Topic { get; set; } = "helpdesk-events";

    [Required]
    public string NotificationsSubscription { get; set; } = "notifications";
}
