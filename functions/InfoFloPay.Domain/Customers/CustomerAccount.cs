namespace InfoFloPay.Domain.Customers;

/// <summary>A customer account in the registry: users belong to it by listed email or by email domain.</summary>
public sealed record CustomerAccount(
    string Id,
    string Name,
    CustomerTier Tier,
    IReadOnlyList<string> EmailDomains,
    IReadOnlyList<string> Members);
