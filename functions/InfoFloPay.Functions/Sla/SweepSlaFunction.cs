using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Sla;

/// <summary>Runs the SLA sweep on the <c>SLA_SWEEP_SCHEDULE</c> timer (every five minutes by default).</summary>
public sealed class SweepSlaFunction(SlaSweep sweep)
{
    [Function("SweepSla")]
    public Task Run([TimerTrigger("%SLA_SWEEP_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
