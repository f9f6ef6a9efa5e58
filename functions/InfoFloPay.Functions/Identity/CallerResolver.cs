using InfoFloPay.Domain.Identity;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Identity;

/// <summary>Turns the request's principal into a <see cref="Caller"/>: staff by app role, everyone else a customer
/// user bound to an account through the customer registry. No or malformed principal → 401.</summary>
public sealed class CallerResolver(CustomerDirectory customers)
{
    public async Task<Caller> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
}
