namespace InfoFloPay.Functions.Webhooks;

/// <summary>A webhook as the API shows it: never the secret, only that one is set and its last characters. A stored
/// secret the desk cannot read back (<see cref="Webhook.SecretProblem"/>) shows as not set, with an empty hint.</summary>
internal sealed record WebhookResponse(string Name, string Url, IReadOnlyList<string> Events, bool SecretSet, string SecretHint)
{
    public static WebhookResponse From(Webhook hook) =>
        new(hook.Name, hook.Url.AbsoluteUri, hook.Events, SecretSet: hook.Secret.Length > 0, hook.Secret.Length > 0 ? WebhookSecret.Hint(hook.Secret) : string.Empty);
}

internal sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

internal sealed record DeliveryListResponse(IReadOnlyList<DeliveryAttempt> Items);
