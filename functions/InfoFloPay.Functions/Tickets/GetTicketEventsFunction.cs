using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class GetTicketEventsFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("GetTicketEvents")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}/events")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            ApiResult.Ok(new { items = await tickets.EventsAsync(id, caller, cancellationToken).ConfigureAwait(false) }), cancellationToken);
}
