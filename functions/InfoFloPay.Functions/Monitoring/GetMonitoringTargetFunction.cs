using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class GetMonitoringTargetFunction(ApiEndpoint api, TargetRegistry targets, MaintenanceSchedule maintenance, TimeProvider clock)
{
    [Function("GetMonitoringTarget")]
    [OpenApiOperation("A target with its state: consecutive failures, last check, open incident, recent history (staff)", Tag = "Monitoring")]
    [OpenApiQuery("history", "how many recent results, default 60, at most Monitoring:HistoryLength (1440)", Type = typeof(int))]
    [OpenApiResponse(200, "The target and its state", BodyType = typeof(TargetStatusResponse))]
    [OpenApiProblems(400, 401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireStaff(caller);
            var history = request.Query.TryGetValue("history", out var value) ? value.ToString() : null;
            var (target, state, results) = await targets.GetAsync(name, history, cancellationToken).ConfigureAwait(false);
            var inMaintenance = await maintenance.CoversAsync(target.Name, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(TargetStatusResponse.From(target, state, results, inMaintenance));
        }, cancellationToken);
}
