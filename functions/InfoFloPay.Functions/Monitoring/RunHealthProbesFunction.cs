using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Probes every monitoring target on the schedule in setting <c>PROBE_SCHEDULE</c> (every 10 s, the
/// shortest interval); each run probes only the targets whose next slot has come..</summary>
internal sealed class RunHealthProbesFunction(ProbeRunner runner)
{
    [Function("RunHealthProbes")]
    public Task Run([TimerTrigger("%PROBE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(cancellationToken);
}
