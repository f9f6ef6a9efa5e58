using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Console;

/// <summary>
/// Serves the staff console, the support team's workspace (a static page that calls this API from the browser).
/// Anonymous for the same reason as the portal: the page holds no data, every API call it makes carries the caller's
/// principal, and the API decides what a caller may see.
/// </summary>
public sealed class ConsoleFunction(ConsoleAssets assets)
{
    [Function("Console")]
    [OpenApiOperation("The staff console: the page, its style sheet and its script modules", Tag = "Console", RequiresPrincipal = false)]
    [OpenApiResponse(200, "The page, a script module or the style sheet")]
    [OpenApiResponse(404, "No such console file")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request,
        string? path) =>
        assets.Serve(request, path);
}
