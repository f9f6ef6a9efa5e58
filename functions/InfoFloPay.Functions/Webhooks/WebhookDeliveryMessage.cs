namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// One delivery attempt on the <c>WEBHOOK_DELIVERIES_QUEUE</c> queue: which webhook, the <c>webhook-id</c> (stable per
/// event × webhook), the event type, the exact JSON body to POST (the same bytes on every attempt) and the attempt number.
/// </summary>
public sealed record WebhookDeliveryMessage(string Webhook, string Id, string Event, string Body, int Attempt)
{
    /// <summary>The Service Bus message id: one per attempt, so duplicate detection drops a copy of an attempt but never the next one.</summary>
    public string MessageId => $"{Id}/{Attempt}";
}
