using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class AcknowledgeTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("AcknowledgeTicket")]
    [OpenApiOperation("Acknowledge the page of an urgent ticket (staff): its escalation stops; again changes nothing", Tag = "Tickets")]
    [OpenApiRequestBody(typeof(AcknowledgeRequest), Required = false)]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "The ticket, paging.acknowledgedAt set", BodyType = typeof(TicketResponse))]
    [OpenApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets/{id}/acknowledge")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            // The body is {} (or nothing); anything in it is an unknown property, refused like on every route.
            await JsonRequestBody.ReadIfPresentAsync<AcknowledgeRequest>(request, cancellationToken).ConfigureAwait(false);

            return TicketHttp.Ticket(await tickets.AcknowledgeAsync(id, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}

/// <summary>The acknowledge route's body: an empty object.</summary>
public sealed record AcknowledgeRequest;
