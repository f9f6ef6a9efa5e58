namespace InfoFloPay.Domain.Sla;

/// <summary>
/// One row of the policy (a tier and a priority): how much working time on <see cref="Calendar"/> the desk has to respond
/// and to resolve, and how long before each due time the warning goes out.
/// </summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan? Resolution, SlaCalendarKind Calendar, TimeSpan WarningLead);
