using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// Escalates the tickets whose next SLA checkpoint (or page escalation step) has passed. It reads them through the
/// due-time index (one RowKey range, <c>sla|{ticks}|{id}</c>), never the open tickets at large. Each ticket is re-read
/// and changed in one ETag-conditional batch that records the notices as sent, appends their timeline events and outbox
/// rows, and moves its index row to the next checkpoint; then the outbox is published. Why that sends each notice exactly
/// once: docs/sla.md. Since due instants are also delivered as scheduled messages, this is
/// the safety net: it runs seldom and works through a backlog with <see cref="SlaSweepOptions.MaxDegreeOfParallelism"/>
/// tickets at a time.
/// </summary>
public sealed class SlaSweep(
    TicketStore store,
    SlaEscalation escalation,
    TicketOutbox outbox,
    TimeProvider clock,
    ILogger<SlaSweep> logger,
    PageEscalation? paging = null,
    IOptions<SlaSweepOptions>? options = null,
    SlaDueMessages? dueMessages = null)
{
    public const int PageSize = 100;

    public async Task<SlaSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var round = paging is null ? null : await paging.StartAsync(cancellationToken).ConfigureAwait(false);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options?.Value.MaxDegreeOfParallelism ?? SlaSweepOptions.DefaultParallelism),
            CancellationToken = cancellationToken,
        };
        int dueTickets = 0, notices = 0, failed = 0;
        string? continuationToken = null;
        do
        {
            var page = await store.SlaDueAsync(now, PageSize, continuationToken, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref dueTickets, page.Items.Count);
            await Parallel.ForEachAsync(page.Items, parallel, async (due, token) =>
            {
                using var scope = TicketLogScope.Begin(logger, due.Id);
                try
                {
                    var committed = await store.UpdateIfChangedAsync(
                        due.Id,
                        ticket => round is null ? escalation.Escalate(ticket, now) : round.After(escalation.Escalate(ticket, now), ticket, now),
                        token).ConfigureAwait(false);
                    if (committed is not null)
                    {
                        Interlocked.Add(ref notices, committed.Outbox.Count);
                        await outbox.PublishAsync(committed.Outbox, token).ConfigureAwait(false);
                        if (dueMessages is not null)
                        {
                            await dueMessages.ScheduleAsync(committed.Ticket, token).ConfigureAwait(false);
                        }
                    }
                }
                catch (Exception ex) when (ex is RequestFailedException or RequestRejectedException)
                {
                    // Nothing of this ticket was committed, so its index row still says it is due: the next sweep retries.
                    Interlocked.Increment(ref failed);
                    logger.LogWarning(ex, "SLA sweep could not escalate ticket {TicketId}; the next sweep retries it", due.Id);
                }
            }).ConfigureAwait(false);

            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        if (dueTickets > 0)
        {
            logger.LogInformation(
                "SLA sweep at {Now}: {DueTickets} tickets due, {Notices} notices sent, {Failed} failed",
                now, dueTickets, notices, failed);
        }

        return new SlaSweepResult(dueTickets, notices, failed);
    }
}

/// <param name="DueTickets">Tickets the due-time index returned.</param>
/// <param name="Notices">Warnings, breaches and escalations this sweep committed (each also published, or left to the outbox relay).</param>
/// <param name="Failed">Tickets left for the next sweep after a storage error or too many concurrent changes.</param>
public sealed record SlaSweepResult(int DueTickets, int Notices, int Failed);

/// <summary>Settings section <c>SlaSweep</c>.</summary>
public sealed class SlaSweepOptions
{
    public const string SectionName = "SlaSweep";

    public const int DefaultParallelism = 8;

    /// <summary><c>SlaSweep__MaxDegreeOfParallelism</c>: due tickets escalated at once.</summary>
    public int MaxDegreeOfParallelism { get; set; } = DefaultParallelism;
}
