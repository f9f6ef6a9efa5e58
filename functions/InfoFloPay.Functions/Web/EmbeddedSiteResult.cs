using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InfoFloPay.Functions.Web;

/// <summary>
/// A response of an embedded page (portal, console) with the page's security headers: scripts and styles from this
/// origin only (no inline script, so sanitized article HTML can never run code), no MIME sniffing, no framing.
/// </summary>
public sealed class EmbeddedSiteResult : IActionResult
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly int _status;
    private readonly EmbeddedFile? _file;
    private readonly string? _location;

    private EmbeddedSiteResult(int status, EmbeddedFile? file = null, string? location = null)
    {
        _status = status;
        _file = file;
        _location = location;
    }

    public static EmbeddedSiteResult File(EmbeddedFile file) => new(StatusCodes.Status200OK, file);

    public static EmbeddedSiteResult NotFound() => new(StatusCodes.Status404NotFound);

    /// <summary>To the page's address with a trailing slash, so its relative links (scripts, style sheet) resolve under the page.</summary>
    public static EmbeddedSiteResult Redirect(string location) => new(StatusCodes.Status308PermanentRedirect, location: location);

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

        if (_file is null)
        {
            return;
        }

        response.Headers.ETag = _file.ETag;
        if (context.HttpContext.Request.Headers.IfNoneMatch.Contains(_file.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = _file.ContentType;
        response.ContentLength = _file.Content.Length;
        await response.Body.WriteAsync(_file.Content, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
