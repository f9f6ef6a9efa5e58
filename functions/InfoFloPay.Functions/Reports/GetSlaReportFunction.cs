using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Reports;

public sealed class GetSlaReportFunction(ApiEndpoint api, SlaReport report)
{
    [Function("GetSlaReport")]
    [OpenApiOperation("SLA report per tier × priority for tickets created on Eastern days from..to (staff)", Tag = "Reports")]
    [OpenApiQuery("from", "first Eastern (America/New_York) day, yyyy-MM-dd, required", Type = typeof(DateOnly), Required = true)]
    [OpenApiQuery("to", "last Eastern day, yyyy-MM-dd, included, required; at most 366 days after from counting both", Type = typeof(DateOnly), Required = true)]
    [OpenApiResponse(200, "One row per tier × priority", BodyType = typeof(SlaReportResponse))]
    [OpenApiProblems(400, 401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/sla")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
            return ApiResult.Ok(await report.BuildAsync(new SlaReportRequest(Query("from"), Query("to")), caller, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
