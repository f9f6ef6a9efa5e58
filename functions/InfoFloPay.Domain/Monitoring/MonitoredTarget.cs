namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Something the desk watches. <see cref="Url"/> is an absolute http(s) URL for <see cref="ProbeKind.Http"/>
/// and <c>host:port</c> (or <c>tcp://host:port</c>) for <see cref="ProbeKind.Tcp"/>.
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
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
