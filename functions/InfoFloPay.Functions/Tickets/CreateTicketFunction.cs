using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Tickets;

public sealed class CreateTicketFunction(ApiEndpoint api, TicketService tickets)
{
    public const int IdempotencyKeyMaxLength = 200;

    [Function("CreateTicket")]
    [OpenApiOperation("Open a ticket; the requester is acknowledged by email. Idempotency-Key replays the first 201", Tag = "Tickets")]
    [OpenApiRequestBody(typeof(NewTicketRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IdempotencyKey)]
    [OpenApiResponse(201, "Opened (or the first answer to this Idempotency-Key)", BodyType = typeof(TicketResponse),
        Headers = [OpenApiHeaders.ETag, OpenApiHeaders.Location, OpenApiHeaders.IdempotentReplayed])]
    [OpenApiProblems(400, 401, 403, 413, 415, 422, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            if (key.Length > IdempotencyKeyMaxLength)
            {
                throw ApiProblemException.BadRequest("Idempotency-Key", $"The Idempotency-Key header must be at most {IdempotencyKeyMaxLength} characters.");
            }

            var body = await JsonRequestBody.ReadAsync<NewTicketRequest>(request, cancellationToken).ConfigureAwait(false);
            var result = await tickets.CreateAsync(body, caller, TicketHttp.ChannelOf(request), key.Length == 0 ? null : key, cancellationToken).ConfigureAwait(false);
            return TicketHttp.Ticket(new StoredTicket(result.Ticket, result.ETag), StatusCodes.Status201Created)
                .WithHeader("Location", $"/api/tickets/{result.Ticket.Id}")
                .WithHeader("Idempotent-Replayed", result.Replayed ? "true" : null);
        }, cancellationToken);
}
