using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class ChangeTicketStatusFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("ChangeTicketStatus")]
    [OpenApiOperation("Move the ticket (pending pauses the SLA clock); owners close or reopen their resolved tickets", Tag = "Tickets")]
    [OpenApiRequestBody(typeof(StatusChangeRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "The ticket after the move", BodyType = typeof(TicketResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(400, 401, 403, 404, 409, 412, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets/{id}/status")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<StatusChangeRequest>(request, cancellationToken).ConfigureAwait(false);
            return TicketHttp.Ticket(await tickets.ChangeStatusAsync(id, body, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
