namespace InfoFloPay.Domain.Monitoring;

/// <summary>The outcome of validating a <see cref="TargetDraft"/>: a target, or the errors per field.</summary>
public sealed record TargetValidation(MonitoredTarget? Target, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Target is not null;
}
