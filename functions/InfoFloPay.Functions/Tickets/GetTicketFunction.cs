using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class GetTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("GetTicket")]
    [OpenApiOperation("One ticket, with its ETag", Tag = "Tickets")]
    [OpenApiResponse(200, "The ticket", BodyType = typeof(TicketResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(401, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
            TicketHttp.Ticket(await tickets.GetAsync(id, caller, cancellationToken).ConfigureAwait(false)), cancellationToken);
}
