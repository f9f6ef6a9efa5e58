using System.Net.Mail;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>Pages by the kind of target: an http(s) URL is a webhook, anything shaped like an address gets email.</summary>
public sealed class PagerRouter(PagerDutyPager webhookPager, EmailPager emailPager) : IPager
{
    public Task PageAsync(Page page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (TryWebhook(page.Target, out var webhook))
        {
            return webhookPager.PageAsync(webhook, page, cancellationToken);
        }

        if (MailAddress.TryCreate(page.Target, out var address))
        {
            return emailPager.PageAsync(address.Address, page, cancellationToken);
        }

        throw new InvalidOperationException(
            $"Pager target '{page.Target}' is neither an http(s) URL nor an email address (Support__OperationsManager__Pager).");
    }

    public static bool TryWebhook(string? target, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? webhook) =>
        Uri.TryCreate(target, UriKind.Absolute, out webhook) && (webhook.Scheme == Uri.UriSchemeHttps || webhook.Scheme == Uri.UriSchemeHttp);
}
