using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class ListTicketsFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("ListTickets")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
            var list = new TicketListRequest(Query("status"), Query("assignee"), Query("priority"), Query("customerId"), Query("closedSince"), Query("top"), Query("continuationToken"));
            return TicketHttp.Page(await tickets.ListAsync(list, caller, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
