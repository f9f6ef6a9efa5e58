namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Something the desk watches. <see cref="Url"/> is an absolute http(s) URL for <see cref="ProbeKind.Http"/>,
/// <c>host:port</c> (or <c>tcp://host:port</c>) for <see cref="ProbeKind.Tcp"/>, and empty for
/// <see cref="ProbeKind.Heartbeat"/> (the target reports in instead of being asked).
/// Built only through <see cref="TargetDefinition.Validate"/>, so every instance is valid.
/// </summary>
public sealed record MonitoredTarget(
    string Name,
    ProbeKind Kind,
    string Url,
    int ExpectedStatus,
    int TimeoutSeconds,
    string? BodyContains,
    int FailureThreshold,
    string? CustomerId)
{
    /// <summary>How often the target is probed (a heartbeat is expected); its slot length.</summary>
    public int IntervalSeconds { get; init; } = TargetDefinition.DefaultIntervalSeconds;

    /// <summary>Consecutive successful probes before an outage counts as over.</summary>
    public int RecoveryThreshold { get; init; } = TargetDefinition.DefaultRecoveryThreshold;

    /// <summary>Shown on the anonymous status page (name and up/down only).</summary>
    public bool Public { get; init; }

    /// <summary>For a heartbeat: how late a beat may be on top of the interval before it counts as missing.</summary>
    public int GraceSeconds { get; init; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    /// <summary>The slot a probe started at <paramref name="instant"/> counts for.</summary>
    public DateTimeOffset SlotOf(DateTimeOffset instant) => ProbeSlot.Of(instant, Interval);

    /// <summary>Worst-case time from the first failure to the incident: the threshold's probes, the last one timing out.</summary>
    public TimeSpan DetectionTime => (Interval * FailureThreshold) + (Kind == ProbeKind.Heartbeat ? TimeSpan.FromSeconds(GraceSeconds) : Timeout);
}
