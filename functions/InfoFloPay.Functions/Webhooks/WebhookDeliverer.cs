using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>The last attempt failed: the function throws this so Service Bus dead-letters the message.</summary>
public sealed class WebhookDeliveryFailedException(string message) : Exception(message);

/// <summary>
/// POSTs one attempt, signed (Standard Webhooks), and records it. A failure (non-2xx, timeout, refused address) schedules
/// the next attempt on the queue after <see cref="Backoff"/> plus up to 10% jitter; after attempt <see cref="MaxAttempts"/>
/// the attempt is recorded <c>failed</c> and the message is dead-lettered (every redelivery of it fails at once, without a
/// POST, until Service Bus moves it). A redelivered attempt that was recorded already is not sent again.
/// </summary>
internal sealed class WebhookDeliverer(
    WebhookStore store,
    IHttpClientFactory clients,
    Messaging.IMessageSender sender,
    IConfiguration configuration,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>The wait after attempt n (index n - 1) before attempt n + 1.</summary>
    public static IReadOnlyList<TimeSpan> Backoff { get; } =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    public static int MaxAttempts => Backoff.Count + 1;

    public async Task HandleAsync(WebhookDeliveryMessage delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var hook = await store.FindAsync(delivery.Webhook, cancellationToken).ConfigureAwait(false);
        if (hook is null)
        {
            logger.LogInformation("Webhook {Webhook} was removed; {WebhookId} attempt {Attempt} is dropped", delivery.Webhook, delivery.Id, delivery.Attempt);
            return;
        }

        if (await store.FindAttemptAsync(hook.Name, delivery.Id, delivery.Attempt, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            await SettleAsync(delivery, recorded, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (statusCode, error) = await PostAsync(hook, delivery, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var status = error is null ? DeliveryStatus.Delivered : delivery.Attempt < MaxAttempts ? DeliveryStatus.Retrying : DeliveryStatus.Failed;
        var next = status == DeliveryStatus.Retrying ? now + WithJitter(Backoff[delivery.Attempt - 1]) : (DateTimeOffset?)null;
        var attempt = new DeliveryAttempt(delivery.Id, delivery.Event, delivery.Attempt, status, statusCode, error, now, next);
        if (!await store.RecordAsync(hook.Name, attempt, cancellationToken).ConfigureAwait(false))
        {
            // A concurrent delivery of the same attempt recorded first; settle on what it recorded.
            attempt = await store.FindAttemptAsync(hook.Name, delivery.Id, delivery.Attempt, cancellationToken).ConfigureAwait(false) ?? attempt;
        }

        if (delivery.Attempt == 1)
        {
            await PruneAsync(hook.Name, now, cancellationToken).ConfigureAwait(false);
        }

        if (status == DeliveryStatus.Delivered)
        {
            logger.LogInformation("Webhook {Webhook} took {EventType} {WebhookId} on attempt {Attempt} ({StatusCode})",
                hook.Name, delivery.Event, delivery.Id, delivery.Attempt, statusCode);
        }
        else
        {
            logger.LogWarning("Webhook {Webhook} refused {EventType} {WebhookId} on attempt {Attempt}: {Error}; {Outcome}",
                hook.Name, delivery.Event, delivery.Id, delivery.Attempt, error, status == DeliveryStatus.Retrying ? "retrying" : "dead-lettered");
        }

        await SettleAsync(delivery, attempt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What follows a recorded attempt: nothing, the next attempt (sent again after a crash: duplicate detection
    /// drops it if it went out), or the dead-letter queue.</summary>
    private async Task SettleAsync(WebhookDeliveryMessage delivery, DeliveryAttempt recorded, CancellationToken cancellationToken)
    {
        switch (recorded.Status)
        {
            case DeliveryStatus.Retrying:
                var next = delivery with { Attempt = delivery.Attempt + 1 };
                await sender.ScheduleAsync(WebhookFanOut.QueueName(configuration), WebhookFanOut.ToMessage(next), recorded.NextAttemptAt ?? clock.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case DeliveryStatus.Failed:
                throw new WebhookDeliveryFailedException(
                    $"Webhook {delivery.Webhook}: {delivery.Id} failed {delivery.Attempt} times; last: {recorded.Error}");
        }
    }

    /// <summary>Keeps the log to <c>Webhooks__DeliveryLogRetention</c>; best effort: a failure here never fails the delivery.</summary>
    private async Task PruneAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var removed = await store.PruneAsync(name, now - options.Value.DeliveryLogRetention, cancellationToken).ConfigureAwait(false);
            if (removed > 0)
            {
                logger.LogInformation("Webhook {Webhook}: removed {Count} delivery log entries past retention", name, removed);
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogWarning(ex, "Webhook {Webhook}: pruning the delivery log failed; it is tried again on the next delivery", name);
        }
    }

    private async Task<(int? StatusCode, string? Error)> PostAsync(Webhook hook, WebhookDeliveryMessage delivery, CancellationToken cancellationToken)
    {
        if (hook.SecretProblem is { } problem)
        {
            return (null, problem);
        }

        var key = WebhookSecret.KeyOf(hook.Secret);
        if (key is null)
        {
            return (null, "The stored secret is not a valid whsec_ secret.");
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", delivery.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSecret.Sign(delivery.Id, timestamp, delivery.Body, key));

        using var deadline = new CancellationTokenSource(options.Value.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, string.Create(CultureInfo.InvariantCulture, $"The receiver answered {code}."));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s."));
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.InnerException is WebhookTargetRefusedException refused ? refused.Message : ex.Message);
        }
    }

    private static TimeSpan WithJitter(TimeSpan delay) => delay + (delay * (Random.Shared.NextDouble() * 0.1));
}
