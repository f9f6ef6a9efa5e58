using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Triage;

public sealed class TriageTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("TriageTicket")]
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
