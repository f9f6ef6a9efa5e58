namespace InfoFloPay.Domain.Monitoring;

/// <summary>The outcome of validating a <see cref="TargetDraft"/>: a target, or the errors per field.</summary>
public sealed class TargetValidation(MonitoredTarget? target, ValidationErrors errors)
{
    public MonitoredTarget? Target => target;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors.ToDictionary();

    public bool IsValid => Target is not null;

    /// <summary>The target, or the refusal every API gives bad input: 400 naming each bad field.</summary>
    public MonitoredTarget Accepted()
    {
        errors.ThrowIfAny();
        return target!;
    }
}
