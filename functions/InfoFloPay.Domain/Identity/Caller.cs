namespace InfoFloPay.Domain.Identity;

/// <summary>Who is asking. Staff (agents, managers and the system itself) act on any ticket; a customer user acts
/// only within the account the customer registry binds its email to (<see cref="CustomerId"/>, null when none).</summary>
public sealed record Caller(CallerRole Role, string Email, string? Name, string? CustomerId)
{
    public bool IsStaff => Role is CallerRole.Agent or CallerRole.Manager or CallerRole.System;

    public bool IsManager => Role is CallerRole.Manager or CallerRole.System;

    /// <summary>The desk itself, e.g. monitoring opening an incident or email intake; it acts as staff.</summary>
    public static Caller System(string name) => new(CallerRole.System, "system@helpdesk.local", name, null);

    public static Caller Customer(string email, string? name, string? customerId) => new(CallerRole.Customer, email, name, customerId);

    /// <summary>True when this caller may see the tickets of <paramref name="customerId"/>.</summary>
    public bool MaySee(string? customerId) => IsStaff || (CustomerId is not null && string.Equals(CustomerId, customerId, StringComparison.Ordinal));
}
