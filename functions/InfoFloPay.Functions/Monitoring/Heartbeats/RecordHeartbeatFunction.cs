using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// A heartbeat target's beat, with no sign-in: the secret in the URL is the credential (Easy Auth lets
/// <c>/api/monitoring/heartbeats/*</c> through). The route takes no body: whatever is sent is neither read nor stored,
/// so a cron job can post with <c>curl -fsS -X POST</c> or with a log line as the body alike.
/// </summary>
internal sealed class RecordHeartbeatFunction(ApiEndpoint api, CallerRateLimits limits, HeartbeatReceiver heartbeats)
{
    [Function("RecordHeartbeat")]
    [OpenApiOperation("A heartbeat target's beat (no sign-in: the secret heartbeatUrl is the credential; any body is ignored)",
        Tag = "Monitoring", RequiresPrincipal = false)]
    [OpenApiResponse(204, "Beat recorded")]
    [OpenApiResponse(404, "No heartbeat target has this URL (never issued, or its target was removed or re-issued)", BodyType = typeof(Problem))]
    [OpenApiProblems(429, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "monitoring/heartbeats/{secret}")] HttpRequest request,
        string secret,
        CancellationToken cancellationToken) =>
        api.RunWithoutPrincipalAsync(request, async () =>
        {
            // The URL is the credential: keep it and its answer out of caches.
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            if (limits.RefuseHeartbeat(request) is { } tooMany)
            {
                return tooMany;
            }

            await heartbeats.ReceiveAsync(secret, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status204NoContent, null);
        });
}
