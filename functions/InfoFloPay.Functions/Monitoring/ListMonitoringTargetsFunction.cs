using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class ListMonitoringTargetsFunction(ApiEndpoint api, TargetRegistry targets, MaintenanceSchedule maintenance, TimeProvider clock)
{
    [Function("ListMonitoringTargets")]
    [OpenApiOperation("Monitoring targets with their state: status, consecutive failures, last check, open incident (staff)", Tag = "Monitoring")]
    [OpenApiResponse(200, "Every target with its state", BodyType = typeof(TargetListResponse))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitoring/targets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireStaff(caller);
            var all = await targets.ListWithStateAsync(cancellationToken).ConfigureAwait(false);
            var calendar = await maintenance.CalendarAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            return ApiResult.Ok(new TargetListResponse([.. all.Select(t => TargetListItem.From(t.Target, t.State, calendar.Covers(t.Target.Name, now)))]));
        }, cancellationToken);
}
