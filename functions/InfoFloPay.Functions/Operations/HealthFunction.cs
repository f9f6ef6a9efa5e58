using System.Globalization;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Operations;

/// <summary>
/// Readiness for the availability test and the platform: 200 with the checks while storage answers; 503 problem+json
/// with Retry-After naming the failed dependency when it does not, within <see cref="StorageHealthCheck.MaxBudget"/>.
/// </summary>
public sealed class HealthFunction(StorageHealthCheck storage, TimeProvider clock)
{
    public const int RetryAfterSeconds = 30;

    [Function("Health")]
    [OpenApiOperation("Health: 200 while the app runs and storage answers; 503 naming the failed dependency", Tag = "Operations", RequiresPrincipal = false)]
    [OpenApiResponse(200, "Healthy; checks lists each dependency checked", BodyType = typeof(HealthReport))]
    [OpenApiResponse(503, "A dependency failed (errors names it, e.g. storage); retry after Retry-After seconds", BodyType = typeof(Problem))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (check.IsHealthy)
        {
            return ApiResult.Ok(new HealthReport("healthy", clock.GetUtcNow(), [check]));
        }

        return Problem.Result(StatusCodes.Status503ServiceUnavailable, "Unhealthy", $"{check.Name}: {check.Detail}",
                new Dictionary<string, string[]> { [check.Name] = [check.Detail!] })
            .WithHeader(OpenApiHeaders.RetryAfter, RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
    }

    public sealed record HealthReport(string Status, DateTimeOffset Time, IReadOnlyList<HealthCheckResult> Checks);
}
