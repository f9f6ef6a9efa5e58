namespace InfoFloPay.Domain.Sla;

/// <summary>A stretch of time the ticket spent in <c>pending</c>; <see cref="End"/> is null while it is still pending.</summary>
public sealed record SlaPause(DateTimeOffset Start, DateTimeOffset? End);
