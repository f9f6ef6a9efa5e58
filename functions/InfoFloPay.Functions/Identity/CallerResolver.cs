using InfoFloPay.Domain.Identity;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Identity;

/// <summary>Turns the request's principal into a <see cref="Caller"/>: staff by app role, everyone else a customer
/// user bound to an account through the customer registry. No or malformed principal → 401.</summary>
/// <remarks>
/// In Azure the header is only as trustworthy as the platform that writes it: App Service Authentication strips a
/// client's own <c>X-MS-CLIENT-PRINCIPAL</c> only when it is on. So a deployed app with authentication off ignores the
/// header and treats every call as anonymous (fail closed) rather than letting anyone claim to be a manager.
/// </remarks>
public sealed class CallerResolver(CustomerDirectory customers, IConfiguration configuration, ILogger<CallerResolver> logger)
{
    /// <summary>App Service sets this to <c>True</c> when App Service Authentication (Easy Auth) is on.</summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    private int _warned;

    public async Task<Caller> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PrincipalHeaderTrusted())
        {
            throw ApiProblemException.Unauthorized("Sign in first: App Service Authentication is off, so no caller is signed in.");
        }

        var header = request.Headers[ClientPrincipalReader.HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw ApiProblemException.Unauthorized("Sign in first: the request carries no client principal.");
        }

        var user = ClientPrincipalReader.Read(header)
            ?? throw ApiProblemException.Unauthorized("The client principal is malformed or has no email claim.");

        if (user.Roles.Contains(SupportRoles.Manager))
        {
            return new Caller(CallerRole.Manager, user.Email, user.Name, null);
        }

        if (user.Roles.Contains(SupportRoles.Agent))
        {
            return new Caller(CallerRole.Agent, user.Email, user.Name, null);
        }

        var customerId = await customers.FindAccountIdForAsync(user.Email, cancellationToken).ConfigureAwait(false);
        return Caller.Customer(user.Email, user.Name, customerId);
    }

    /// <summary>Locally (no <see cref="AzureDeployment.SiteNameSetting"/>) the header is what the test or the local
    /// sign-in sent; in Azure it is trusted only when authentication is on. Warns once per process, not per call.</summary>
    private bool PrincipalHeaderTrusted()
    {
        if (!AzureDeployment.IsAzure(configuration)
            || string.Equals(configuration[AuthEnabledSetting]?.Trim(), "True", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning(
                "App Service Authentication is off (WEBSITE_AUTH_ENABLED): X-MS-CLIENT-PRINCIPAL is ignored, every call is anonymous");
        }

        return false;
    }
}
