namespace InfoFloPay.Functions.Webhooks;

/// <summary>A webhook as the API shows it: never the secret, only that one is set and its last characters.</summary>
internal sealed record WebhookResponse(string Name, string Url, IReadOnlyList<string> Events, bool SecretSet, string SecretHint)
{
    public static WebhookResponse From(Webhook hook) =>
        new(hook.Name, hook.Url.AbsoluteUri, hook.Events, SecretSet: hook.Secret.Length > 0, WebhookSecret.Hint(hook.Secret));
}

internal sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

internal sealed record DeliveryAttemptResponse(
    string Id,
    string Event,
    int Attempt,
    DeliveryStatus Status,
    int? StatusCode,
    string? Error,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryAttemptResponse From(DeliveryAttempt a) => new(a.Id, a.Event, a.Attempt, a.Status, a.StatusCode, a.Error, a.At, a.NextAttemptAt);
}

internal sealed record DeliveryListResponse(IReadOnlyList<DeliveryAttemptResponse> Items);
