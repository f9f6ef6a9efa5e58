using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// Escalates the tickets whose next SLA checkpoint has passed. It reads them through the due-time index (one RowKey range,
/// <c>sla|{ticks}|{id}</c>), never the open tickets at large. Each ticket is re-read and changed in one ETag-conditional
/// batch that records the notices as sent, appends their timeline events and outbox rows, and moves its index row to the
/// next checkpoint; then the outbox is published. Why that sends each notice exactly once: docs/sla.md.
/// </summary>
public sealed class SlaSweep(TicketStore store, SlaEscalation escalation, TicketOutbox outbox, TimeProvider clock, ILogger<SlaSweep> logger)
{
    public const int PageSize = 100;

    public async Task<SlaSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = new SlaSweepResult(0, 0, 0);
        string? continuationToken = null;
        do
        {
            var page = await store.SlaDueAsync(now, PageSize, continuationToken, cancellationToken).ConfigureAwait(false);
            foreach (var due in page.Items)
            {
                result = result with { DueTickets = result.DueTickets + 1 };
                try
                {
                    var committed = await store.UpdateIfChangedAsync(due.Id, ticket => escalation.Escalate(ticket, now), cancellationToken).ConfigureAwait(false);
                    if (committed is null)
                    {
                        continue;
                    }

                    result = result with { Notices = result.Notices + committed.Outbox.Count };
                    await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RequestFailedException or RequestRejectedException)
                {
                    // Nothing of this ticket was committed, so its index row still says it is due: the next sweep retries.
                    result = result with { Failed = result.Failed + 1 };
                    logger.LogWarning(ex, "SLA sweep could not escalate ticket {TicketId}; the next sweep retries it", due.Id);
                }
            }

            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        if (result.DueTickets > 0)
        {
            logger.LogInformation(
                "SLA sweep at {Now}: {DueTickets} tickets due, {Notices} notices sent, {Failed} failed",
                now, result.DueTickets, result.Notices, result.Failed);
        }

        return result;
    }
}

/// <param name="DueTickets">Tickets the due-time index returned.</param>
/// <param name="Notices">Warnings and breaches this sweep committed (each also published, or left to the outbox relay).</param>
/// <param name="Failed">Tickets left for the next sweep after a storage error or too many concurrent changes.</param>
public sealed record SlaSweepResult(int DueTickets, int Notices, int Failed);
