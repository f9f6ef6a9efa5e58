using InfoFloPay.Functions.Web;

namespace InfoFloPay.Functions.Portal;

/// <summary>The portal's files, embedded in this assembly (Portal/wwwroot); only the names listed here are served.</summary>
public sealed class PortalAssets : EmbeddedSite
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [IndexName] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    public PortalAssets()
        : base(typeof(PortalAssets).Assembly, "InfoFloPay.Functions.Portal.wwwroot", ContentTypes)
    {
    }
}
