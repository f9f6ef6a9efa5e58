using InfoFloPay.DevHost.Functions;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.DevHost.Timers;

/// <summary>Runs one timer function now, binding <see cref="TimerInfo"/> as the host would.</summary>
public sealed class TimerFunctionRunner(FunctionInvoker invoker, TimeProvider clock)
{
    public Task RunAsync(FunctionDescriptor function, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        var timerInfo = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus
            {
                Last = clock.GetUtcNow().UtcDateTime,
                Next = next?.UtcDateTime ?? default,
                LastUpdated = clock.GetUtcNow().UtcDateTime,
            },
        };

        return invoker.InvokeAsync(function, (parameter, out value) =>
        {
            value = parameter.ParameterType == typeof(TimerInfo) ? timerInfo
                : parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
                : null;
            return value is not null;
        });
    }
}
