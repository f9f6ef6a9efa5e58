using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class GetTicketEventsFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("GetTicketEvents")]
    [OpenApiOperation("The ticket's timeline: public events for the owner, all for staff", Tag = "Tickets")]
    [OpenApiResponse(200, "{ items: [event] }, oldest first")]
    [OpenApiProblems(401, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}/events")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            ApiResult.Ok(new { items = await tickets.EventsAsync(id, caller, cancellationToken).ConfigureAwait(false) }), cancellationToken);
}
