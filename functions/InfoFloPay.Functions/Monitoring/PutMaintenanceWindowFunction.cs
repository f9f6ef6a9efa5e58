using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

internal sealed class PutMaintenanceWindowFunction(ApiEndpoint api, MaintenanceRegistry windows)
{
    [Function("PutMaintenanceWindow")]
    [OpenApiOperation("Add or replace a maintenance window, one-off (startsAt, endsAt) or recurring (cron, durationMinutes, timeZone) (manager)", Tag = "Monitoring")]
    [OpenApiRequestBody(typeof(MaintenanceWindowRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "Replaced", BodyType = typeof(MaintenanceWindowResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiResponse(201, "Added", BodyType = typeof(MaintenanceWindowResponse), Headers = [OpenApiHeaders.ETag, OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "monitoring/maintenance/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireManager(caller);
            var body = await JsonRequestBody.ReadAsync<MaintenanceWindowRequest>(request, cancellationToken).ConfigureAwait(false);
            var (window, etag, created) = await windows.PutAsync(id, body, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false);
            return new ApiResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, window)
                .WithETag(etag)
                .WithHeader("Location", created ? $"/api/monitoring/maintenance/{window.Id}" : null);
        }, cancellationToken);
}
