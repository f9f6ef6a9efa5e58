using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Functions.Identity;

/// <summary>Who the request's principal is, as the portal shows it. A customer whose email no account lists has no
/// <see cref="CustomerId"/>, so the page can say the email is not registered instead of showing an empty list.</summary>
public sealed record MeResponse(string Email, string? Name, CallerRole Role, string? CustomerId, string? CustomerName);
