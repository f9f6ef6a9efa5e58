namespace InfoFloPay.Domain.Sla;

/// <summary>The ticket's SLA as the API shows it (<c>sla {tier, firstResponseDueAt, resolutionDueAt, paused, breaches[]}</c>).</summary>
/// <param name="Resolution">Null when the policy row has no resolution target.</param>
public sealed record SlaState(
    SlaTier Tier,
    SlaPriority Priority,
    SlaTargets Targets,
    bool Paused,
    SlaTargetState FirstResponse,
    SlaTargetState? Resolution)
{
    public DateTimeOffset? FirstResponseDueAt => FirstResponse.DueAt;

    public DateTimeOffset? ResolutionDueAt => Resolution?.DueAt;

    public IEnumerable<SlaTargetState> Clocks => Resolution is null ? [FirstResponse] : [FirstResponse, Resolution];

    public IReadOnlyList<SlaBreach> Breaches =>
        [.. Clocks.Where(clock => clock.BreachedAt is not null).Select(clock => new SlaBreach(clock.Target, clock.BreachedAt!.Value))];
}
