using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InfoFloPay.Functions.Portal;

/// <summary>
/// A portal response with the page's security headers: scripts and styles from this origin only (no inline script,
/// so sanitized article HTML can never run code), no MIME sniffing, no framing.
/// </summary>
public sealed class PortalResult : IActionResult
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly int _status;
    private readonly PortalAsset? _asset;
    private readonly string? _location;

    private PortalResult(int status, PortalAsset? asset = null, string? location = null)
    {
        _status = status;
        _asset = asset;
        _location = location;
    }

    public static PortalResult File(PortalAsset asset) => new(StatusCodes.Status200OK, asset);

    public static PortalResult NotFound() => new(StatusCodes.Status404NotFound);

    /// <summary>To the page's address with a trailing slash, so its relative links (app.js, app.css) resolve under the portal.</summary>
    public static PortalResult Redirect(string location) => new(StatusCodes.Status308PermanentRedirect, location: location);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = _status;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        if (_location is not null)
        {
            response.Headers.Location = _location;
        }

        if (_asset is null)
        {
            return;
        }

        response.Headers.ETag = _asset.ETag;
        if (context.HttpContext.Request.Headers.IfNoneMatch.Contains(_asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = _asset.ContentType;
        response.ContentLength = _asset.Content.Length;
        await response.Body.WriteAsync(_asset.Content, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
