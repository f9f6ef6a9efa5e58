using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A leaked heartbeat URL is replaced without deleting the target (which would drop its state, history and
/// open incident): the answer holds the new URL, once, and the old one answers 404 from then on.</summary>
internal sealed class RotateHeartbeatUrlFunction(ApiEndpoint api, TargetRegistry targets)
{
    [Function("RotateHeartbeatUrl")]
    [OpenApiOperation("Replace a heartbeat target's URL (manager): the answer holds the new heartbeatUrl, once; the old URL answers 404 from then on; state and history are kept", Tag = "Monitoring")]
    [OpenApiRequestBody(typeof(RotateHeartbeatUrlRequest), Required = false)]
    [OpenApiResponse(200, "Rotated", BodyType = typeof(TargetResponse))]
    [OpenApiProblems(400, 401, 403, 404, 409, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "monitoring/targets/{name}/heartbeat-url")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            MonitoringAccess.RequireManager(caller);

            // The body is {} (or nothing); anything in it is an unknown property, refused like on every route.
            await JsonRequestBody.ReadIfPresentAsync<RotateHeartbeatUrlRequest>(request, cancellationToken).ConfigureAwait(false);

            var (target, heartbeatUrl) = await targets.RotateHeartbeatUrlAsync(name, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status200OK, TargetResponse.From(target, heartbeatUrl));
        }, cancellationToken);
}

/// <summary>The rotate route's body: an empty object.</summary>
internal sealed record RotateHeartbeatUrlRequest;
