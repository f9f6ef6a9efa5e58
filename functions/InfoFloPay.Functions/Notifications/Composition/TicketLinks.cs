using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// The address of a ticket in the page its reader uses: the customer portal (<c>/api/portal/#ticket/IFP-n</c>, as the
/// portal's router reads its hash) or the staff console (<c>/api/console/#/ticket/IFP-n</c>, as console/router.mjs
/// writes it). Both pages keep the hash through sign-in, so a link works for someone not signed in yet.
/// </summary>
public sealed class TicketLinks(IOptions<DeskLinkOptions> options)
{
    /// <summary>Links to the local host, for composers built without settings (unit tests).</summary>
    public static readonly TicketLinks Local = new(Options.Create(new DeskLinkOptions { PublicBaseUrl = DeskLinkOptions.LocalBaseUrl }));

    public string BaseUrl => (options.Value.PublicBaseUrl ?? DeskLinkOptions.LocalBaseUrl).TrimEnd('/');

    public string Portal(string ticketId) => $"{BaseUrl}/api/portal/#ticket/{Uri.EscapeDataString(ticketId)}";

    public string Console(string ticketId) => $"{BaseUrl}/api/console/#/ticket/{Uri.EscapeDataString(ticketId)}";

    /// <summary>Customers read tickets in the portal; everyone else (agents, the Operations Manager, a pager) in the console.</summary>
    public string For(NotificationKind kind, string ticketId) => kind.IsForCustomer() ? Portal(ticketId) : Console(ticketId);

    /// <summary>The setting, or what the platform says this app is reachable at, or the local host.</summary>
    public static string? Resolve(string? configured, string? websiteHostname) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim()
        : !string.IsNullOrWhiteSpace(websiteHostname) ? "https://" + websiteHostname.Trim()
        : DeskLinkOptions.LocalBaseUrl;
}
