using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Triage;

public sealed class TriageQueueFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("TriageQueue")]
    [OpenApiOperation("New tickets to triage: urgent to low, oldest first", Tag = "Triage")]
    [OpenApiQuery("top", "page size, at most 100", Type = typeof(int))]
    [OpenApiQuery("continuationToken", "from the previous page")]
    [OpenApiResponse(200, "A page", BodyType = typeof(TicketListResponse))]
    [OpenApiProblems(400, 401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "queue")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var page = await tickets.QueueAsync(caller, request.Query["top"].FirstOrDefault(), request.Query["continuationToken"].FirstOrDefault(), cancellationToken).ConfigureAwait(false);
            return TicketHttp.Page(page);
        }, cancellationToken);
}
