using System.Net;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>
/// The one-click acknowledgement link of a page, with no sign-in: the signed token is the authority. GET only shows a
/// confirmation page whose button POSTs back, so a mail scanner fetching every link in a message acknowledges nothing.
/// A link that was altered, has expired, was already used (the page is acknowledged) or belongs to an earlier page does
/// nothing and says so, as an HTML page with a 4xx status.
/// </summary>
public sealed class AcknowledgeLinkFunction(
    ApiEndpoint api, PageLinkSigner signer, TicketService tickets, PagingPlanSource plan, TimeProvider clock, ILogger<AcknowledgeLinkFunction> logger)
{
    [Function("AcknowledgePageLink")]
    [OpenApiOperation("A page's one-click acknowledgement link: GET shows a confirmation page, its POST acknowledges", Tag = "Paging", RequiresPrincipal = false)]
    [OpenApiResponse(200, "The confirmation page (GET) or the page saying the page is acknowledged (POST), as HTML")]
    [OpenApiResponse(400, "The link is not valid (altered or not one of ours), as HTML")]
    [OpenApiResponse(409, "The page was already acknowledged (a used link), as HTML")]
    [OpenApiResponse(410, "The link expired or belongs to an earlier page, as HTML")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "acknowledge/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        api.RunWithoutPrincipalAsync(request, async () =>
        {
            // The token is the credential: keep it out of caches and of the Referer of anything the page links to.
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            var (verdict, link) = signer.Verify(token, clock.GetUtcNow());
            if (verdict == PageLinkVerdict.Invalid || link is null)
            {
                logger.LogWarning("Refused an acknowledgement link that does not verify");
                return Html(StatusCodes.Status400BadRequest, "Link not valid", "This acknowledgement link is not valid: it may have been cut short or altered. Nothing was acknowledged; open the ticket in the console instead.");
            }

            if (verdict == PageLinkVerdict.Expired)
            {
                return Html(StatusCodes.Status410Gone, "Link expired", $"This acknowledgement link for ticket {link.TicketId} expired. Nothing was acknowledged; open the ticket in the console instead.");
            }

            if (HttpMethods.IsGet(request.Method))
            {
                return Html(StatusCodes.Status200OK, $"Acknowledge the page for {link.TicketId}?",
                    $"Acknowledging tells the desk you are on ticket {link.TicketId}; the escalation stops.",
                    form: true);
            }

            var pagedPerson = plan.PagedPerson(link.Step);
            var (outcome, paging) = await tickets.AcknowledgeByLinkAsync(link, pagedPerson, cancellationToken).ConfigureAwait(false);
            return outcome switch
            {
                PageLinkOutcome.Acknowledged => Html(StatusCodes.Status200OK, "Page acknowledged",
                    $"Ticket {link.TicketId}: the page is acknowledged by {pagedPerson}; nobody else will be paged."),
                PageLinkOutcome.AlreadyAcknowledged => Html(StatusCodes.Status409Conflict, "Already acknowledged",
                    $"Ticket {link.TicketId}: the page was already acknowledged by {paging?.AcknowledgedBy ?? "someone"}. This link did nothing."),
                _ => Html(StatusCodes.Status410Gone, "Link no longer current",
                    $"This link belongs to an earlier page of ticket {link.TicketId}. Nothing was acknowledged; open the ticket in the console instead."),
            };
        });

    private static ContentResult Html(int status, string title, string message, bool form = false)
    {
        var body = form
            ? $"<form method=\"post\"><button type=\"submit\">Acknowledge page</button></form>"
            : string.Empty;
        return new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = $"""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>{WebUtility.HtmlEncode(title)}</title></head>
                <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p>{body}</main></body>
                </html>
                """,
        };
    }
}
