using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Operations.Telemetry;

/// <summary>
/// Wraps a Service Bus trigger's work: a failure on the message's last delivery (Service Bus dead-letters it next) is
/// counted on <see cref="HelpdeskMetrics.DeadLetters"/> by function and logged as an error, then rethrown unchanged.
/// That counter and line are what the dead-letter alert and an operator's first query find, for every trigger alike.
/// </summary>
public sealed class LastDeliveryWatch(ILogger<LastDeliveryWatch> logger, HelpdeskMetrics? metrics = null)
{
    public async Task RunAsync(string function, string messageId, int deliveryCount, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && deliveryCount >= HelpdeskMetrics.MaxDeliveryCount)
        {
            metrics?.DeadLettered(function);
            logger.LogError(ex, "{Function}: message {MessageId} failed its last delivery ({DeliveryCount}) and will be dead-lettered", function, messageId, deliveryCount);
            throw;
        }
    }
}
