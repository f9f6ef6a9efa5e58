namespace InfoFloPay.Functions.Notifications;

/// <summary>A page to the on-call Operations Manager. <see cref="DedupKey"/> is the ticket id, so repeats collapse.</summary>
public sealed record Page(string Target, string Summary, string Details, string? TicketId, string DedupKey)
{
    /// <summary>The one-click acknowledgement link (also in <see cref="Details"/>); null for pages nobody acknowledges.</summary>
    public Uri? AcknowledgeUrl { get; init; }

    /// <summary>What makes this page a different message from earlier pages of the ticket to the same address (an
    /// escalation step); null for the first page, which is keyed by <see cref="DedupKey"/> alone.</summary>
    public string? PageKey { get; init; }
}

/// <summary>Pages someone. Azure: a webhook (PagerDuty Events API v2 shape) or an email fallback; locally: the outbox.</summary>
public interface IPager
{
    Task PageAsync(Page page, CancellationToken cancellationToken);
}
