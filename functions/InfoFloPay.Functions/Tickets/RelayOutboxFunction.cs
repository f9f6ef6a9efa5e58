using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>Publishes outbox rows left behind when publishing right after a commit failed (process crash, bus outage).</summary>
public sealed class RelayOutboxFunction(TicketStore store, TicketOutbox outbox, TimeProvider clock, ILogger<RelayOutboxFunction> logger)
{
    /// <summary>Rows younger than this are probably still being published by the request that wrote them.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [Function("RelayOutbox")]
    public async Task Run([TimerTrigger("%OUTBOX_RELAY_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var leftovers = await store.OutboxOlderThanAsync(clock.GetUtcNow() - Grace, cancellationToken).ConfigureAwait(false);
        if (leftovers.Count == 0)
        {
            return;
        }

        var published = await outbox.RepublishAsync(leftovers, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Outbox relay republished {Published} of {Leftovers} leftover ticket events", published, leftovers.Count);
    }
}
