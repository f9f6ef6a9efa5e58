namespace InfoFloPay.Functions.Webhooks;

/// <summary>The body of <c>PUT /api/webhooks/{name}</c>; the name comes from the route.</summary>
internal sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);
