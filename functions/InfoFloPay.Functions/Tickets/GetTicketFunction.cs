using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class GetTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("GetTicket")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            TicketHttp.Ticket(await tickets.GetAsync(id, caller, cancellationToken).ConfigureAwait(false)), cancellationToken);
}
