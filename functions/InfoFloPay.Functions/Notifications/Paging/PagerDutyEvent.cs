using System.Text.Json.Serialization;

namespace InfoFloPay.Functions.Notifications.Paging;

// PagerDuty Events API v2 "trigger" event (POST https://events.pagerduty.com/v2/enqueue).

internal sealed record PagerDutyEvent(
    [property: JsonPropertyName("routing_key")] string RoutingKey,
    [property: JsonPropertyName("event_action")] string EventAction,
    [property: JsonPropertyName("dedup_key")] string DedupKey,
    [property: JsonPropertyName("payload")] PagerDutyPayload Payload)
{
    [JsonPropertyName("links")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PagerDutyLink>? Links { get; init; }
}

internal sealed record PagerDutyLink([property: JsonPropertyName("href")] string Href, [property: JsonPropertyName("text")] string Text);

internal sealed record PagerDutyPayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("custom_details")] IReadOnlyDictionary<string, string?> CustomDetails);
