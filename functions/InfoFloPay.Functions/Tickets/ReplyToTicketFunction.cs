using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class ReplyToTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("ReplyToTicket")]
    [OpenApiOperation("Reply (staff may mark it internal); the other side is emailed", Tag = "Tickets")]
    [OpenApiRequestBody(typeof(ReplyRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "The ticket after the reply", BodyType = typeof(TicketResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(400, 401, 403, 404, 409, 412, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets/{id}/replies")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<ReplyRequest>(request, cancellationToken).ConfigureAwait(false);
            return TicketHttp.Ticket(await tickets.AddReplyAsync(id, body, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
