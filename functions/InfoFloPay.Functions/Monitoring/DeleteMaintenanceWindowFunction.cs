using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class DeleteMaintenanceWindowFunction(ApiEndpoint api, MaintenanceRegistry windows)
{
    [Function("DeleteMaintenanceWindow")]
    [OpenApiOperation("Remove a maintenance window (manager)", Tag = "Monitoring")]
    [OpenApiResponse(204, "Removed")]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "monitoring/maintenance/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireManager(caller);
            await windows.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status204NoContent, null);
        }, cancellationToken);
}
