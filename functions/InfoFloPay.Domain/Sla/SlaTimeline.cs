namespace InfoFloPay.Domain.Sla;

/// <summary>
/// The few facts of a ticket's history the SLA depends on, cheap for a ticket to produce from its own fields.
/// Only the current priority and tier matter: a change recomputes the targets from <see cref="CreatedAt"/>.
/// </summary>
/// <param name="FirstPublicStaffReplyAt">The first public reply by staff (the ticket's <c>firstRespondedAt</c>).</param>
/// <param name="ResolvedAt">When the ticket was resolved, while it is resolved or closed; null while it is open.</param>
/// <param name="ReopenedAt">The last time a resolved ticket was reopened; the resolution clock restarts there.</param>
/// <param name="Pauses">Every stretch in <c>pending</c>, the current one open-ended.</param>
public sealed record SlaTimeline(
    DateTimeOffset CreatedAt,
    SlaTier Tier,
    SlaPriority Priority,
    DateTimeOffset? FirstPublicStaffReplyAt = null,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? ReopenedAt = null,
    IReadOnlyList<SlaPause>? Pauses = null);
