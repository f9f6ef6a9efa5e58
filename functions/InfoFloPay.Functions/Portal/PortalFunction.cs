using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Portal;

/// <summary>
/// Serves the customer portal (a static page that calls this API from the browser). Anonymous because the page itself
/// holds no data: every API call it makes carries the caller's principal.
/// </summary>
public sealed class PortalFunction(PortalAssets assets)
{
    [Function("Portal")]
    [OpenApiOperation("The customer portal: the page and its script and style; /api/portal/status is the public status page", Tag = "Portal", RequiresPrincipal = false)]
    [OpenApiResponse(200, "The page, script or style sheet")]
    [OpenApiResponse(404, "No such portal file")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/{*path}")] HttpRequest request,
        string? path) =>
        assets.Serve(request, path == "status" ? PortalAssets.StatusPageName : path);
}
