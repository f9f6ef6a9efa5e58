using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>The one-click acknowledgement link a page carries: <c>{Desk__PublicBaseUrl}/api/acknowledge/{token}</c>,
/// the same host as the page's ticket link, so a custom domain is set once.</summary>
public sealed class PageLinks(PageLinkSigner signer, IOptions<PagingOptions> options, TicketLinks desk)
{
    /// <summary>The link for step <paramref name="step"/> of page <paramref name="pageId"/>, expiring
    /// <see cref="PagingOptions.LinkValidity"/> after <paramref name="pagedAt"/> (the event's time, so a redelivered
    /// message makes the same link); null when the desk has no key to sign it with (see <see cref="PageLinkSigner.CanSign"/>).</summary>
    public Uri? For(string ticketId, string pageId, int step, DateTimeOffset pagedAt)
    {
        if (!signer.CanSign)
        {
            return null;
        }

        var token = signer.Sign(new PageLink(ticketId, pageId, step, pagedAt + options.Value.LinkValidity));
        return new Uri($"{desk.BaseUrl}/api/acknowledge/{token}");
    }
}
