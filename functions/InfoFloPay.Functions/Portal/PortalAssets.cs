using InfoFloPay.Functions.Web;

namespace InfoFloPay.Functions.Portal;

/// <summary>The portal's files, embedded in this assembly (Portal/wwwroot); only the names listed here are served.</summary>
public sealed class PortalAssets : EmbeddedSite
{
    /// <summary>The public status page, served at <c>/api/portal/status</c> (no sign-in: it reads <c>GET /api/status</c>).</summary>
    public const string StatusPageName = "status.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [IndexName] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        [StatusPageName] = "text/html; charset=utf-8",
        ["status.js"] = "text/javascript; charset=utf-8",
        ["status.css"] = "text/css; charset=utf-8",
    };

    public PortalAssets()
        : base(typeof(PortalAssets).Assembly, "InfoFloPay.Functions.Portal.wwwroot", ContentTypes)
    {
    }
}
