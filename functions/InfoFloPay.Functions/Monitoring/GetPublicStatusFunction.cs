using System.Globalization;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The public status: anonymous by design (Easy Auth lets <c>/api/status</c> through), so it shows only the targets a
/// manager marked <c>public</c>, by name and state, and their outages — never a URL, host, probe detail, threshold or
/// ticket. Limited per client address like the other routes without a principal.
/// </summary>
internal sealed class GetPublicStatusFunction(ApiEndpoint api, PublicStatusBoard board, CallerRateLimits limits)
{
    private static readonly string CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)PublicStatusBoard.CacheFor.TotalSeconds}");

    [Function("GetPublicStatus")]
    [OpenApiOperation("The public status page's data: each public target up, down or under maintenance, and their open incidents (no sign-in)",
        Tag = "Monitoring", RequiresPrincipal = false)]
    [OpenApiResponse(200, "Public targets by name with their state, and the incidents going on", BodyType = typeof(PublicStatusResponse), Headers = [OpenApiHeaders.CacheControl])]
    [OpenApiProblems(429, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunWithoutPrincipalAsync(request, async () =>
        {
            if (limits.RefusePublicRead(request) is { } tooMany)
            {
                return tooMany;
            }

            var status = await board.GetAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(status).WithHeader("Cache-Control", CacheControl);
        });
}
