using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Tickets;

/// <summary>How ticket results look on the wire: the ticket JSON with its ETag.</summary>
internal static class TicketHttp
{
    /// <summary>The portal identifies itself with <c>X-Client: portal</c>; any other HTTP client is channel api.</summary>
    public static TicketChannel ChannelOf(HttpRequest request) =>
        string.Equals(request.Headers["X-Client"].ToString(), "portal", StringComparison.OrdinalIgnoreCase) ? TicketChannel.Portal : TicketChannel.Api;

    public static ApiResult Ticket(StoredTicket stored, int status = StatusCodes.Status200OK) =>
        new ApiResult(status, TicketResponse.From(stored.Ticket)).WithETag(stored.ETag);

    public static ApiResult Page(TicketPage page) =>
        ApiResult.Ok(new TicketListResponse(page.Items.Select(t => TicketResponse.From(t, withDescription: false)).ToList(), page.ContinuationToken));
}
