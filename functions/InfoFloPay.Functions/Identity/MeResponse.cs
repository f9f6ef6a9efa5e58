using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Functions.Identity;

/// <summary>Who the request's principal is, as the portal shows it. A customer whose email no account lists has no
/// <see cref="CustomerId"/>, so the page can say the email is not registered instead of showing an empty list.</summary>
public sealed record MeResponse(string Email, string? Name, SignedInRole Role, string? CustomerId, string? CustomerName)
{
    public static MeResponse For(Caller caller, string? customerName)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var role = caller.Role switch
        {
            CallerRole.Customer => SignedInRole.Customer,
            CallerRole.Agent => SignedInRole.Agent,
            CallerRole.Manager => SignedInRole.Manager,
            _ => throw new InvalidOperationException($"A {caller.Role} caller does not sign in."),
        };
        return new(caller.Email, caller.Name, role, caller.CustomerId, customerName);
    }
}

/// <summary>The roles a principal resolves to; the desk's own <see cref="CallerRole.System"/> never signs in, so the
/// contract does not offer it.</summary>
public enum SignedInRole
{
    Customer,
    Agent,
    Manager,
}
