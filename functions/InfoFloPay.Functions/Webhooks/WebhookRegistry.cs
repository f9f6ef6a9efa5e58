using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>The webhooks as the API shows and changes them (managers only); bad input is refused before anything is stored.</summary>
internal sealed partial class WebhookRegistry(
    WebhookStore store,
    WebhookTargetGuard guard,
    IOptions<WebhookOptions> options,
    ILogger<WebhookRegistry> logger)
{
    public static void RequireManager(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsManager)
        {
            throw RequestRejectedException.Forbidden("Only a support manager may see or change webhooks.");
        }
    }

    public Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<(Webhook Hook, bool Created)> PutAsync(string name, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (!IsValidName(name))
        {
            errors.Add("name", "A webhook name is 1-63 lower-case letters, digits or '-', starting with a letter or digit.");
        }

        var url = await UrlAsync(request.Url, errors, cancellationToken).ConfigureAwait(false);
        var events = Events(request.Events, errors);
        if (WebhookSecret.KeyOf(request.Secret) is null)
        {
            // Never echo the secret back, not even a wrong one.
            errors.Add("secret", $"The secret must be '{WebhookSecret.Prefix}' followed by base64 of {WebhookSecret.MinKeyBytes} to {WebhookSecret.MaxKeyBytes} random bytes.");
        }

        errors.ThrowIfAny();

        var hook = new Webhook(name, url!, events, request.Secret!);
        var created = await store.SaveAsync(hook, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Webhook {Webhook} {Change} for {Events}", name, created ? "added" : "changed", string.Join(",", events));
        return (hook, created);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsValidName(name) || !await store.DeleteAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(name);
        }

        logger.LogInformation("Webhook {Webhook} removed", name);
    }

    public async Task<Webhook> GetAsync(string name, CancellationToken cancellationToken) =>
        (IsValidName(name) ? await store.FindAsync(name, cancellationToken).ConfigureAwait(false) : null) ?? throw NotFound(name);

    public async Task<IReadOnlyList<DeliveryAttempt>> DeliveriesAsync(string name, CancellationToken cancellationToken)
    {
        var hook = await GetAsync(name, cancellationToken).ConfigureAwait(false);
        return await store.RecentAsync(hook.Name, options.Value.DeliveryLogLength, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Uri?> UrlAsync(string? text, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var requireHttps = options.Value.RequireHttps ?? false;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && !requireHttps))
            || string.IsNullOrEmpty(url.Host)
            || !string.IsNullOrEmpty(url.UserInfo)
            || !string.IsNullOrEmpty(url.Fragment))
        {
            errors.Add("url", requireHttps
                ? "The url must be an absolute https URL without user info or fragment."
                : "The url must be an absolute http or https URL without user info or fragment.");
            return null;
        }

        if (await guard.RefusalAsync(url, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            errors.Add("url", refusal);
            return null;
        }

        return url;
    }

    private static string[] Events(IReadOnlyList<string>? events, ValidationErrors errors)
    {
        if (events is null || events.Count == 0)
        {
            errors.Add("events", $"Name at least one event: {string.Join(", ", WebhookEvents.All)}.");
            return [];
        }

        var unknown = events.Where(e => !WebhookEvents.IsKnown(e)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("events", $"Unknown event(s) {string.Join(", ", unknown.Select(e => $"'{e}'"))}; the events are: {string.Join(", ", WebhookEvents.All)}.");
            return [];
        }

        return [.. events.Distinct(StringComparer.Ordinal)];
    }

    // Names are table keys and route segments, with the same rule as monitoring target names: no '/', '\\', '#', '?'
    // or control characters can reach storage.
    private static bool IsValidName(string? name) => TargetDefinition.IsValidName(name);

    private static RequestRejectedException NotFound(string name) => RequestRejectedException.NotFound($"Webhook '{name}'");
}
