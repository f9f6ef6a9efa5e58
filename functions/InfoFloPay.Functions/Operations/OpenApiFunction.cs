using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Operations;

public sealed class OpenApiFunction(OpenApiDocumentBuilder documents)
{
    private const string Route = "openapi.json";

    [Function("OpenApi")]
    [OpenApiOperation("The OpenAPI document of this API, built from the functions that run", Tag = "Operations", RequiresPrincipal = false)]
    [OpenApiResponse(200, "OpenAPI 3.0 document")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request)
    {
        // The route prefix is whatever the host put in front of this function's route (host.json's routePrefix).
        var path = request.Path.Value ?? "/" + Route;
        var prefix = path.EndsWith("/" + Route, StringComparison.OrdinalIgnoreCase) ? path[..^(Route.Length + 1)] : "";
        return new ContentResult
        {
            Content = documents.Create(prefix),
            ContentType = "application/json",
            StatusCode = 200,
        };
    }
}
