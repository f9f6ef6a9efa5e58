using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class ReplyToTicketFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("ReplyToTicket")]
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
