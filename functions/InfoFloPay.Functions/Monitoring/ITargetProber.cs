using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Probes one kind of target within the target's own timeout. Never throws for a failing target: that is an outcome.</summary>
internal interface ITargetProber
{
    ProbeKind Kind { get; }

    Task<ProbeOutcome> ProbeAsync(MonitoredTarget target, CancellationToken cancellationToken);
}
