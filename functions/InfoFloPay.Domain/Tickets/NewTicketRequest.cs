namespace InfoFloPay.Domain.Tickets;

/// <summary>A create request as the caller sent it: strings, so each bad value can be named in the answer.</summary>
public sealed record NewTicketRequest(
    string? Subject,
    string? Description,
    RequesterInput? Requester,
    string? CustomerId,
    string? Priority,
    string? Category);

public sealed record RequesterInput(string? Name, string? Email);
