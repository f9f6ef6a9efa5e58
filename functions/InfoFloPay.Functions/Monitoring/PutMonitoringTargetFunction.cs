using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class PutMonitoringTargetFunction(ApiEndpoint api, TargetRegistry targets)
{
    [Function("PutMonitoringTarget")]
    [OpenApiOperation("Add or change a target: http(s), tcp or heartbeat, failure threshold 1-5 (manager); a new heartbeat target's answer holds its heartbeatUrl, once", Tag = "Monitoring")]
    [OpenApiRequestBody(typeof(TargetRequest))]
    [OpenApiResponse(200, "Changed", BodyType = typeof(TargetResponse))]
    [OpenApiResponse(201, "Added", BodyType = typeof(TargetResponse), Headers = [OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "monitoring/targets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireManager(caller);
            var body = await JsonRequestBody.ReadAsync<TargetRequest>(request, cancellationToken).ConfigureAwait(false);
            var (target, created, heartbeatUrl) = await targets.PutAsync(name, body, cancellationToken).ConfigureAwait(false);
            return new ApiResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, TargetResponse.From(target, heartbeatUrl))
                .WithHeader("Location", created ? $"/api/monitoring/targets/{target.Name}" : null);
        }, cancellationToken);
}
