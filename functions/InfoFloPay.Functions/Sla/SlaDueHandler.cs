using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// Handles a due message at its instant: re-reads the ticket and acts (SLA notices, the page's next escalation step, in
/// one ETag-conditional change like the sweep's) only if the ticket is still due at the instant the message names. A
/// reply, a pause, a re-triage or a policy change that moved the milestone makes the message stale: it is dropped, and
/// the move scheduled its own message. A redelivered message finds its work recorded and changes nothing.
/// </summary>
public sealed class SlaDueHandler(
    TicketStore store, SlaEscalation escalation, PageEscalation paging, TicketOutbox outbox, SlaDueMessages due, TimeProvider clock, ILogger<SlaDueHandler> logger)
{
    /// <summary>How far this instance's clock may trail the broker's and a due message still be acted on when it arrives.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    public async Task<SlaDueOutcome> HandleAsync(SlaDueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var scope = TicketLogScope.Begin(logger, message.TicketId);
        var round = await paging.StartAsync(cancellationToken).ConfigureAwait(false);

        // The broker enqueues a scheduled message at its instant by its own clock, which this instance's may trail: a
        // message that arrives a little early is judged at its instant, or its milestone would find nothing due yet and
        // wait for the next sweep. One that arrives far earlier than any clock skew is left to the sweep.
        var now = clock.GetUtcNow();
        if (now < message.DueAt)
        {
            if (message.DueAt - now > MaxClockSkew)
            {
                logger.LogWarning("Due message for ticket {TicketId} at {DueAt} arrived at {Now}, too early to act on; the SLA sweep will find it", message.TicketId, message.DueAt, now);
                return SlaDueOutcome.NothingToDo;
            }

            now = message.DueAt;
        }

        var stale = false;
        CommittedChange? committed;
        try
        {
            committed = await store.UpdateIfChangedAsync(message.TicketId, ticket =>
            {
                stale = TicketKeys.DueAt(ticket) != message.DueAt;
                return stale ? null : round.After(escalation.Escalate(ticket, now), ticket, now);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestRejectedException ex) when (ex.Kind == Rejection.NotFound)
        {
            logger.LogDebug("Due message for ticket {TicketId} dropped: no such ticket", message.TicketId);
            return SlaDueOutcome.Stale;
        }

        if (stale)
        {
            logger.LogDebug("Due message for ticket {TicketId} at {DueAt} dropped: the ticket is no longer due then", message.TicketId, message.DueAt);
            return SlaDueOutcome.Stale;
        }

        if (committed is null)
        {
            return SlaDueOutcome.NothingToDo;
        }

        logger.LogInformation("Ticket {TicketId} handled at its due instant {DueAt}: {Count} messages", message.TicketId, message.DueAt, committed.Outbox.Count);
        await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
        await due.ScheduleAsync(committed.Ticket, cancellationToken).ConfigureAwait(false);
        return SlaDueOutcome.Acted;
    }
}

/// <summary>What a due message did: acted on the ticket, found its work already recorded (a redelivery), or was
/// dropped as stale (the ticket's due instant moved, or the ticket is gone).</summary>
public enum SlaDueOutcome
{
    Acted,
    NothingToDo,
    Stale,
}
