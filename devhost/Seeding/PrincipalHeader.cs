using System.Text;
using System.Text.Json;

namespace InfoFloPay.DevHost.Seeding;

/// <summary>Builds an <c>X-MS-CLIENT-PRINCIPAL</c> value shaped like the one App Service Authentication (Entra ID) injects.</summary>
public static class PrincipalHeader
{
    public const string Name = "X-MS-CLIENT-PRINCIPAL";

    public static string For(string email, params string[] roles)
    {
        var claims = new List<object>
        {
            new { typ = "preferred_username", val = email },
            new { typ = "name", val = email.Split('@')[0] },
        };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));

        var principal = new
        {
            auth_typ = "aad",
            claims,
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "roles",
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
    }
}
