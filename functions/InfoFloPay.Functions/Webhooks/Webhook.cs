namespace InfoFloPay.Functions.Webhooks;

/// <summary>A registered webhook. <see cref="Secret"/> is the <c>whsec_</c> secret as given; it is never answered or logged.</summary>
public sealed record Webhook(string Name, Uri Url, IReadOnlyList<string> Events, string Secret)
{
    /// <summary>Why the stored secret could not be read back (<see cref="WebhookSecretProtector"/>); then
    /// <see cref="Secret"/> is empty and deliveries fail saying this, until the webhook is PUT again.</summary>
    public string? SecretProblem { get; init; }
}

/// <summary>What one delivery attempt came to.</summary>
public enum DeliveryStatus
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>It failed; the next attempt is scheduled (<see cref="DeliveryAttempt.NextAttemptAt"/>).</summary>
    Retrying,

    /// <summary>The last attempt failed: the message is dead-lettered.</summary>
    Failed,
}

/// <summary>One row of a webhook's delivery log. <see cref="Id"/> is the <c>webhook-id</c> header, the same on every retry.</summary>
public sealed record DeliveryAttempt(
    string Id,
    string Event,
    int Attempt,
    DeliveryStatus Status,
    int? StatusCode,
    string? Error,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt);
