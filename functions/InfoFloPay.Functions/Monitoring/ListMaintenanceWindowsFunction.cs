using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class ListMaintenanceWindowsFunction(ApiEndpoint api, MaintenanceRegistry windows)
{
    [Function("ListMaintenanceWindows")]
    [OpenApiOperation("Maintenance windows: whether each is active now, its current or next period (staff)", Tag = "Monitoring")]
    [OpenApiResponse(200, "Every window", BodyType = typeof(MaintenanceWindowListResponse))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/maintenance")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireStaff(caller);
            return ApiResult.Ok(new MaintenanceWindowListResponse(await windows.ListAsync(cancellationToken).ConfigureAwait(false)));
        }, cancellationToken);
}
