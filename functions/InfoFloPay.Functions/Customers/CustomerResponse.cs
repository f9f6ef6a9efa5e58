using InfoFloPay.Domain.Customers;

namespace InfoFloPay.Functions.Customers;

public sealed record CustomerResponse(string Id, string Name, CustomerTier Tier, IReadOnlyList<string> EmailDomains, IReadOnlyList<string> Members)
{
    public static CustomerResponse From(CustomerAccount account) =>
        new(account.Id, account.Name, account.Tier, account.EmailDomains, account.Members);
}

public sealed record CustomerListResponse(IReadOnlyList<CustomerResponse> Items);
