using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class DeleteMonitoringTargetFunction(ApiEndpoint api, TargetRegistry targets)
{
    [Function("DeleteMonitoringTarget")]
    [OpenApiOperation("Remove a target with its state and history (manager)", Tag = "Monitoring")]
    [OpenApiResponse(204, "Removed")]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireManager(caller);
            await targets.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status204NoContent, null);
        }, cancellationToken);
}
