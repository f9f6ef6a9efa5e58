namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// The tracker's answer to one probe result: the state to store and what to do to the incident.
/// <see cref="Counted"/> is false when the result's slot was already counted, and then nothing is to be stored.
/// </summary>
public sealed record OutageDecision(TargetState State, IReadOnlyList<IncidentAction> Actions, bool Counted)
{
    public static OutageDecision AlreadyCounted(TargetState state) => new(state, [], Counted: false);
}
