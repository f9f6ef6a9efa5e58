using InfoFloPay.Domain.Intake;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Intake;

/// <summary>
/// The mail pipeline's entry point (e.g. a Logic App on the support mailbox). It carries no user principal: the Functions
/// host checks the function key (<c>?code=</c> or <c>x-functions-key</c>) before this runs.
/// </summary>
public sealed class InboundEmailFunction(ApiEndpoint api, EmailIntake intake, CallerRateLimits limits)
{
    /// <summary>
    /// Far above the API's 64 KB: real mail (Outlook HTML, long quoted threads, non-ASCII escaped as <c>\uXXXX</c>) is
    /// often bigger than that, and the pipeline cannot shorten it, so intake takes it and keeps the text up to the ticket
    /// limit (<see cref="InboundEmailRules"/>). Only a body beyond this is refused (413); files come base64 in <c>attachments</c>.
    /// </summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    [Function("InboundEmail")]
    [OpenApiOperation("Email intake: a new conversation opens a ticket, a reply from someone on the ticket is added to it, machine-sent mail is dropped",
        Tag = "Intake", RequiresPrincipal = false)]
    [OpenApiRequestBody(typeof(InboundEmail))]
    [OpenApiResponse(201, "A new ticket", BodyType = typeof(IntakeResult), Headers = [OpenApiHeaders.Location])]
    [OpenApiResponse(200, "Added to an existing ticket, or this Message-ID was handled before (Idempotent-Replayed: true)", BodyType = typeof(IntakeResult), Headers = [OpenApiHeaders.IdempotentReplayed])]
    [OpenApiResponse(202, "Dropped: machine-sent mail; the reason says why", BodyType = typeof(IntakeResult))]
    [OpenApiResponse(400, "Invalid email; errors name the fields", BodyType = typeof(Problem))]
    [OpenApiProblems(413, 415, 422, 429, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "inbound/email")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunWithoutPrincipalAsync(request, async () =>
        {
            if (limits.RefuseIntake(request) is { } tooMany)
            {
                return tooMany;
            }

            var email = await JsonRequestBody.ReadAsync<InboundEmail>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            var result = await intake.ReceiveAsync(email, cancellationToken).ConfigureAwait(false);
            var status = result.Outcome switch
            {
                IntakeOutcome.Created when !result.Duplicate => StatusCodes.Status201Created,
                IntakeOutcome.Dropped => StatusCodes.Status202Accepted,
                _ => StatusCodes.Status200OK,
            };
            return new ApiResult(status, result)
                .WithHeader("Location", result.Outcome == IntakeOutcome.Created ? $"/api/tickets/{result.TicketId}" : null)
                .WithHeader("Idempotent-Replayed", result.Duplicate ? "true" : null);
        });
}
