namespace InfoFloPay.Domain.Identity;

/// <summary>Customer account ids: short lower-case slugs, safe inside storage keys and URLs.</summary>
public static class CustomerIds
{
    public const string Rule = "A customer id is 1 to 64 characters of a-z, 0-9 and '-'.";

    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
