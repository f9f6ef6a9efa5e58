using InfoFloPay.Functions.Notifications.Composition;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>The fallback when the pager target is an address (e.g. an SMS gateway or a phone's mail): the page as email.</summary>
public sealed class EmailPager(EmailComposer composer, IEmailSender emailSender)
{
    public async Task PageAsync(string address, Page page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var model = new NotificationModel(NotificationKind.Page, page.TicketId ?? page.DedupKey, page.Summary) { Body = page.Details, AcknowledgeUrl = page.AcknowledgeUrl?.AbsoluteUri };
        var email = await composer.ComposeAsync(model, new EmailAddress(address), idempotencyKey: $"page/{page.PageKey ?? page.DedupKey}/{address}")
            .ConfigureAwait(false);
        await emailSender.SendAsync(email, cancellationToken).ConfigureAwait(false);
    }
}
