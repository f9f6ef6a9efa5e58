using System.Text.Json;

namespace InfoFloPay.Functions.Identity;

/// <summary>The user as App Service Authentication describes it: an email and the app roles from the token.</summary>
public sealed record AuthenticatedUser(string Email, string? Name, IReadOnlySet<string> Roles);

/// <summary>
/// Decodes <c>X-MS-CLIENT-PRINCIPAL</c>. The email comes from <c>preferred_username</c>, <c>email</c> or the
/// <c>name_typ</c> claim (short or long-form claim types); roles are the claims whose type is <c>role_typ</c>.
/// </summary>
public static class ClientPrincipalReader
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string EmailClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    private const string UpnClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    private const string NameClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>Returns null when the header is not a well-formed principal with an email.</summary>
    public static AuthenticatedUser? Read(string header)
    {
        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(header.Trim()));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }

        if (principal?.Claims is not { } claims)
        {
            return null;
        }

        string? First(params string?[] types) =>
            types.Where(t => !string.IsNullOrEmpty(t))
                .Select(t => claims.FirstOrDefault(c => string.Equals(c.Type, t, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(c.Value))?.Value)
                .FirstOrDefault(v => v is not null && v.Contains('@', StringComparison.Ordinal));

        var email = First("preferred_username", "email", EmailClaimUri, principal.NameClaimType, NameClaimUri, UpnClaimUri);
        if (email is null)
        {
            return null;
        }

        var roleType = string.IsNullOrEmpty(principal.RoleClaimType) ? "roles" : principal.RoleClaimType;
        var roles = claims
            // Entra ID's principal names role_typ as the long claim URI but sends app roles as "roles" claims: accept both.
            .Where(c => c.Value is not null && (string.Equals(c.Type, roleType, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Type, RoleClaimUri, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Type, "roles", StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Value!)
            .ToHashSet(StringComparer.Ordinal);
        var name = claims.FirstOrDefault(c => string.Equals(c.Type, "name", StringComparison.OrdinalIgnoreCase))?.Value;
        return new AuthenticatedUser(email.Trim().ToLowerInvariant(), name, roles);
    }
}
