namespace InfoFloPay.Domain.Tickets;

public sealed record Requester(string? Name, string Email);
