using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>
/// App Service Authentication in front of the Function App, for one browser: it drops any <c>X-MS-CLIENT-PRINCIPAL</c>
/// the browser sends and, for a signed-in session, injects the user's own into every request to the site, as Entra ID
/// describes them (display name, <c>preferred_username</c>, app roles). Signed out, requests pass on anonymously, as
/// <c>unauthenticatedClientAction: AllowAnonymous</c> in the Bicep lets them.
/// </summary>
public sealed class EasyAuthSession
{
    private const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private readonly string? _principal;
    private readonly ConcurrentQueue<string> _paths = new();

    private EasyAuthSession(string? principal) => _principal = principal;

    /// <summary>The paths of the requests the browser sent to the site, in order.</summary>
    public IReadOnlyCollection<string> RequestedPaths => _paths;

    public static EasyAuthSession SignedOut() => new(null);

    public static EasyAuthSession SignedIn(string email, string? displayName, params string[] roles) =>
        new(PrincipalFor(email, displayName, roles));

    /// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> App Service Authentication injects for an Entra ID user.</summary>
    public static string PrincipalFor(string email, string? displayName, params string[] roles)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = email } };
        if (displayName is not null)
        {
            claims.Add(new { typ = "name", val = displayName });
        }

        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        var principal = new
        {
            auth_typ = "aad",
            claims,
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
    }

    public Task AttachAsync(IBrowserContext context, Uri site)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RouteAsync(new Uri(site, "/") + "**", async route =>
        {
            _paths.Enqueue(new Uri(route.Request.Url).AbsolutePath);
            var headers = route.Request.Headers
                .Where(header => !string.Equals(header.Key, HeaderName, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(header => header.Key, header => header.Value, StringComparer.OrdinalIgnoreCase);
            if (_principal is not null)
            {
                headers[HeaderName] = _principal;
            }

            await route.ContinueAsync(new RouteContinueOptions { Headers = headers });
        });
    }
}
