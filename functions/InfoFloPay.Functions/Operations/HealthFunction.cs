using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Operations;

public sealed class HealthFunction(TimeProvider clock)
{
    [Function("Health")]
    [OpenApiOperation("Liveness: 200 while the app runs", Tag = "Operations", RequiresPrincipal = false)]
    [OpenApiResponse(200, "Healthy", BodyType = typeof(HealthReport))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        ApiResult.Ok(new HealthReport("healthy", clock.GetUtcNow()));

    public sealed record HealthReport(string Status, DateTimeOffset Time);
}
