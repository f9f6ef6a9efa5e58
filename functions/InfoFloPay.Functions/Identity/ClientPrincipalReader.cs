using System.Net.Mail;
using System.Text.Json;

namespace InfoFloPay.Functions.Identity;

/// <summary>The user as App Service Authentication describes it: an email and the app roles from the token.</summary>
public sealed record AuthenticatedUser(string Email, string? Name, IReadOnlySet<string> Roles);

/// <summary>
/// Decodes <c>X-MS-CLIENT-PRINCIPAL</c> (base64 of <c>{auth_typ, claims: [{typ, val}], name_typ, role_typ}</c>) strictly:
/// anything that is not exactly that shape, with every claim a string <c>typ</c> and <c>val</c>, is no principal at all.
/// </summary>
/// <remarks>
/// Roles are only the claims of type <c>roles</c>, the type Entra ID app roles arrive as behind App Service
/// Authentication whatever <c>role_typ</c> says (it names the long role URI there). <c>role_typ</c> is deliberately
/// ignored: it is data inside the principal, so honouring it would let the principal choose which of its own claims
/// count as roles (<c>role_typ: "name"</c> with the name <c>Support.Agent</c> would make an agent).
/// The email is the first email-type claim present, and it must be exactly one plain address (no display name, no
/// second <c>@</c>): <c>eve@evil.com@acme.test</c> is refused rather than read as someone at acme.test.
/// </remarks>
public static class ClientPrincipalReader
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The claim type app roles come as.</summary>
    public const string RolesClaimType = "roles";

    /// <summary>Far above any real principal (a few KB); bounds the work a hostile header can cause.</summary>
    private const int MaxHeaderLength = 32 * 1024;

    private const string EmailClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    private const string UpnClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    private const string NameClaimUri = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = false, MaxDepth = 8 };

    /// <summary>Returns null when the header is not a well-formed principal with one valid email.</summary>
    public static AuthenticatedUser? Read(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Length > MaxHeaderLength)
        {
            return null;
        }

        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(header.Trim()), Json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        if (principal?.Claims is not { Count: > 0 } claims
            || claims.Any(c => c is null || string.IsNullOrWhiteSpace(c.Type) || c.Value is null))
        {
            return null;
        }

        var email = EmailOf(claims, principal.NameClaimType);
        if (email is null)
        {
            return null;
        }

        var roles = claims
            .Where(c => string.Equals(c.Type, RolesClaimType, StringComparison.Ordinal))
            .Select(c => c.Value!)
            .ToHashSet(StringComparer.Ordinal);
        var name = claims.FirstOrDefault(c => string.Equals(c.Type, "name", StringComparison.OrdinalIgnoreCase))?.Value;
        return new AuthenticatedUser(email, name, roles);
    }

    /// <summary>
    /// The first claim type (in order of preference) that carries an address-like value decides; if it carries anything but
    /// one valid address, or the same type carries two different addresses, there is no email.
    /// </summary>
    private static string? EmailOf(IReadOnlyList<ClientPrincipalClaim> claims, string? nameClaimType)
    {
        foreach (var type in new[] { "preferred_username", "email", EmailClaimUri, nameClaimType, NameClaimUri, UpnClaimUri })
        {
            if (string.IsNullOrEmpty(type))
            {
                continue;
            }

            var values = claims
                .Where(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase) && c.Value!.Contains('@', StringComparison.Ordinal))
                .Select(c => c.Value!.Trim().ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (values.Count == 0)
            {
                continue;
            }

            return values.Count == 1 && IsSingleAddress(values[0]) ? values[0] : null;
        }

        return null;
    }

    internal static bool IsSingleAddress(string value) =>
        value.Length is >= 3 and <= 254
        && value.Count(c => c == '@') == 1
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '[' or ']')
        && value.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && value[(at + 1)..] is { Length: > 0 } domain
        && domain.Split('.') is var labels && labels.All(label => label.Length is > 0 and <= 63)
        && MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal);
}
