using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class GetMaintenanceWindowFunction(ApiEndpoint api, MaintenanceRegistry windows)
{
    [Function("GetMaintenanceWindow")]
    [OpenApiOperation("A maintenance window with its version for If-Match (staff)", Tag = "Monitoring")]
    [OpenApiResponse(200, "The window", BodyType = typeof(MaintenanceWindowResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/maintenance/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireStaff(caller);
            var (window, etag) = await windows.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(window).WithETag(etag);
        }, cancellationToken);
}
