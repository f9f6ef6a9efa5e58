namespace InfoFloPay.Functions.Notifications;

/// <summary>A page to the on-call Operations Manager. <see cref="DedupKey"/> is the ticket id, so repeats collapse.</summary>
public sealed record Page(string Target, string Summary, string Details, string? TicketId, string DedupKey);

/// <summary>Pages someone. Azure: a webhook (PagerDuty Events API v2 shape) or an email fallback; locally: the outbox.</summary>
public interface IPager
{
    Task PageAsync(Page page, CancellationToken cancellationToken);
}
