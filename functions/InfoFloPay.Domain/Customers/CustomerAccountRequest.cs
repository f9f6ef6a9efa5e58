namespace InfoFloPay.Domain.Customers;

/// <summary>A PUT body as sent, so each bad value can be named.</summary>
public sealed record CustomerAccountRequest(string? Name, string? Tier, IReadOnlyList<string?>? EmailDomains, IReadOnlyList<string?>? Members);
