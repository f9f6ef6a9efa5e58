using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The roles in the <c>X-MS-CLIENT-PRINCIPAL</c> header that App Service Authentication (or the local host) injects.
/// Monitoring needs only the staff roles, so it reads them here rather than depending on the desk-wide identity parser.
/// </summary>
internal sealed record StaffPrincipal(IReadOnlySet<string> Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const string AgentRole = "Support.Agent";
    public const string ManagerRole = "Support.Manager";

    private const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public bool IsManager => Roles.Contains(ManagerRole);

    public bool IsStaff => IsManager || Roles.Contains(AgentRole);

    /// <summary>The caller, or null when the header is missing or unreadable (the caller is not authenticated).</summary>
    public static StaffPrincipal? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
            var roles = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array)
            {
                foreach (var claim in claims.EnumerateArray())
                {
                    if (claim.TryGetProperty("typ", out var t) && claim.TryGetProperty("val", out var v)
                        && t.ValueKind == JsonValueKind.String && v.ValueKind == JsonValueKind.String
                        && IsRoleClaim(t.GetString(), roleType))
                    {
                        roles.Add(v.GetString()!);
                    }
                }
            }

            return new StaffPrincipal(roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsRoleClaim(string? type, string? roleType) =>
        string.Equals(type, string.IsNullOrEmpty(roleType) ? "roles" : roleType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type, RoleClaimUri, StringComparison.OrdinalIgnoreCase);
}
