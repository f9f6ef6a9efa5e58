using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>Settings section <c>Webhooks</c>; every setting has a default, so the section is optional.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The setting the fan-out trigger names its subscription of the events topic by.</summary>
    public const string SubscriptionSetting = "WEBHOOKS_SUBSCRIPTION";

    /// <summary>The setting naming the queue that carries one message per delivery attempt.</summary>
    public const string DeliveriesQueueSetting = "WEBHOOK_DELIVERIES_QUEUE";

    /// <summary>The table holding webhooks (with their secrets) and their delivery log.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Webhooks:TableName must be a valid table name.")]
    public string TableName { get; set; } = "webhooks";

    /// <summary>
    /// <c>Webhooks__SecretKey</c>: base64 of 32 random bytes that encrypt the webhooks' signing secrets in the table
    /// (<see cref="WebhookSecretProtector"/>); a Key Vault reference in Azure. Unset: secrets are stored as given.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>May a webhook point at loopback, link-local or private addresses? Unset: yes locally, no in Azure.</summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>Must a webhook URL be https? Unset: no locally (a receiver on http://localhost), yes in Azure.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>How long one POST may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Webhooks:Timeout must be from 00:00:01 to 00:01:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many delivery attempts <c>GET /api/webhooks/{name}/deliveries</c> answers, newest first.</summary>
    [Range(1, 500, ErrorMessage = "Webhooks:DeliveryLogLength must be from 1 to 500.")]
    public int DeliveryLogLength { get; set; } = 50;

    /// <summary>Delivery log rows older than this are removed when the webhook's next event is delivered.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Webhooks:DeliveryLogRetention must be from 01:00:00 to 365.00:00:00.")]
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);
}
