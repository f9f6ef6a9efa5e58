using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Customers;

/// <summary>What a registry entry may hold. The limits keep one account's rows within a single storage batch.</summary>
public static class CustomerRules
{
    public const int MaxMembers = 40;

    public const int MaxDomains = 8;

    public const int NameMaxLength = 200;

    public static CustomerAccount Validate(string id, CustomerAccountRequest request)
    {
        var errors = new ValidationErrors();
        if (!CustomerIds.IsValid(id))
        {
            errors.Add("id", CustomerIds.Rule);
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            errors.Add("name", $"The name must be 1 to {NameMaxLength} characters.");
        }

        var tier = errors.Enum<CustomerTier>("tier", request.Tier, required: true);
        var domains = Distinct(request.EmailDomains);
        if (domains.Count > MaxDomains)
        {
            errors.Add("emailDomains", $"At most {MaxDomains} email domains.");
        }

        foreach (var domain in domains.Where(d => !IsDomain(d)))
        {
            errors.Add("emailDomains", $"'{domain}' is not an email domain.");
        }

        var members = Distinct(request.Members);
        if (members.Count > MaxMembers)
        {
            errors.Add("members", $"At most {MaxMembers} members.");
        }

        foreach (var member in members.Where(m => !TicketRules.IsEmail(m)))
        {
            errors.Add("members", $"'{member}' is not an email address.");
        }

        errors.ThrowIfAny();
        return new CustomerAccount(id, name, tier!.Value, domains, members);
    }

    /// <summary>The part after '@', the key a domain-wide membership is found by.</summary>
    public static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();

    private static bool IsDomain(string text) =>
        text.Length is >= 3 and <= 253
        && text.Contains('.', StringComparison.Ordinal)
        && !text.StartsWith('.') && !text.EndsWith('.')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    private static List<string> Distinct(IReadOnlyList<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
}
