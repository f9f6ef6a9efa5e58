using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class ListMonitoringTargetsFunction(ApiEndpoint api, TargetRegistry targets)
{
    [Function("ListMonitoringTargets")]
    [OpenApiOperation("Monitoring targets (staff)", Tag = "Monitoring")]
    [OpenApiResponse(200, "Every target", BodyType = typeof(TargetListResponse))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/targets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireStaff(caller);
            var all = await targets.ListAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(new TargetListResponse([.. all.Select(TargetResponse.From)]));
        }, cancellationToken);
}
