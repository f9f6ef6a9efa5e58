namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>Settings section <c>Paging</c>: the PagerDuty key, the acknowledgement links and the escalation chain.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>The PagerDuty integration (routing) key of the Operations Manager's service.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>Shown as the page's source: what is paging.</summary>
    public string Source { get; set; } = "infoflopay-helpdesk";

    /// <summary>How long a page waits for an acknowledgement before the next escalation step is paged.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// <c>Paging__SigningKey</c>: the HMAC-SHA256 key of the acknowledgement links (at least 32 characters; a Key Vault
    /// reference in Azure). Unset locally, the host makes up one per process, so links die with it.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an acknowledgement link works after its page.</summary>
    public TimeSpan LinkValidity { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>Paging__Escalation__N__Email</c> / <c>__Pager</c>, paged in order of N.</summary>
    public List<EscalationStepOptions> Escalation { get; set; } = [];
}

/// <summary>One escalation step: an address emailed and/or a pager target (webhook URL or address) paged.</summary>
public sealed class EscalationStepOptions
{
    public string? Email { get; set; }

    public string? Pager { get; set; }
}
