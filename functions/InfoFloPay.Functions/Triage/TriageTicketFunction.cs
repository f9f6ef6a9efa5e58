using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Triage;

public sealed class TriageTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("TriageTicket")]
    [OpenApiOperation("Set priority and owner; the assignee is emailed, urgent pages the Operations Manager", Tag = "Triage")]
    [OpenApiRequestBody(typeof(TriageRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "The triaged ticket", BodyType = typeof(TicketResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(400, 401, 403, 404, 409, 412, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets/{id}/triage")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<TriageRequest>(request, cancellationToken).ConfigureAwait(false);
            return TicketHttp.Ticket(await tickets.TriageAsync(id, body, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
