using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class ListTicketsFunction(ApiEndpoint api, TicketService tickets)
{
    [Function("ListTickets")]
    [OpenApiOperation("Tickets newest first: a customer's own account, every account for staff", Tag = "Tickets")]
    [OpenApiQuery("status", "open (new, open, pending) | closed (resolved, closed) | all | new | pending | resolved")]
    [OpenApiQuery("closedSince", "with status=closed: resolved or closed since this instant (recently closed)")]
    [OpenApiQuery("assignee", "assignee email, or none for unassigned tickets")]
    [OpenApiQuery("priority", "urgent | high | medium | low")]
    [OpenApiQuery("customerId", "staff: one account")]
    [OpenApiQuery("sla", "at-risk (warned, not breached) | breached: open tickets by SLA standing")]
    [OpenApiQuery("q", "a ticket id, or words the subject contains")]
    [OpenApiQuery("top", "page size, at most 100")]
    [OpenApiQuery("continuationToken", "from the previous page")]
    [OpenApiResponse(200, "A page", BodyType = typeof(TicketListResponse))]
    [OpenApiProblems(400, 401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
            var list = new TicketListRequest(Query("status"), Query("assignee"), Query("priority"), Query("customerId"), Query("closedSince"), Query("top"), Query("continuationToken"), Query("sla"), Query("q"));
            return TicketHttp.Page(await tickets.ListAsync(list, caller, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
