using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// Carries out the tracker's incident actions through the ticket port, remembers the ticket an open created, and
/// replaces an incident someone closed while its outage goes on.
/// </summary>
internal sealed class IncidentDispatcher(
    IIncidentTickets tickets, ProbeResultRecorder recorder, MonitoringTargetStore targets, ILogger<IncidentDispatcher> logger)
{
    public async Task DispatchAsync(MonitoredTarget target, IReadOnlyList<IncidentAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case OpenIncident open:
                    await OpenAsync(target, open, cancellationToken).ConfigureAwait(false);
                    break;
                case AddIncidentNote { OutageOngoing: true } note:
                    // The target is still down: an incident a person resolved meanwhile is reopened with the note.
                    if (await tickets.ReopenAsync(note.TicketId, note.Text, note.IdempotencyKey, cancellationToken).ConfigureAwait(false))
                    {
                        logger.LogInformation("Noted on incident {TicketId} for {Target}", note.TicketId, target.Name);
                    }
                    else
                    {
                        await ReplaceClosedAsync(target, note.TicketId, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case AddIncidentNote note:
                    await tickets.AddNoteAsync(note.TicketId, note.Text, note.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Noted on incident {TicketId} for {Target}", note.TicketId, target.Name);
                    break;
                case ResolveIncident resolve:
                    await tickets.ResolveAsync(resolve.TicketId, resolve.Note, resolve.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Resolved incident {TicketId}: {Target} recovered", resolve.TicketId, target.Name);
                    break;
                case ReopenIncident reopen:
                    if (await tickets.ReopenAsync(reopen.TicketId, reopen.Note, reopen.IdempotencyKey, cancellationToken).ConfigureAwait(false))
                    {
                        logger.LogWarning("Reopened incident {TicketId}: {Target} is failing again", reopen.TicketId, target.Name);
                    }
                    else
                    {
                        await ReplaceClosedAsync(target, reopen.TicketId, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                default:
                    throw new NotSupportedException($"Unknown incident action {action.GetType().Name}.");
            }
        }
    }

    private async Task OpenAsync(MonitoredTarget target, OpenIncident open, CancellationToken cancellationToken)
    {
        // The target may have been removed while it was probed; an urgent ticket (and a page) for it would be noise.
        if (await targets.FindAsync(target.Name, cancellationToken).ConfigureAwait(false) is null)
        {
            logger.LogInformation("Not opening an incident for {Target}: it was removed while it was probed", target.Name);
            return;
        }

        var ticketId = await tickets.OpenIncidentAsync(target, open.FirstFailureAt, open.Detail, open.IdempotencyKey, cancellationToken)
            .ConfigureAwait(false);
        logger.LogWarning("Opened incident {TicketId} for outage {Outage} of {Target}", ticketId, open.OutageNumber, target.Name);
        var recorded = await recorder.RecordIncidentAsync(target, open, ticketId, cancellationToken).ConfigureAwait(false);
        await DispatchAsync(target, recorded.Actions, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplaceClosedAsync(MonitoredTarget target, string closedTicketId, CancellationToken cancellationToken)
    {
        logger.LogWarning("Incident {TicketId} of {Target} was closed while the target is failing; opening a new one", closedTicketId, target.Name);
        var replaced = await recorder.RecordIncidentClosedAsync(target, closedTicketId, cancellationToken).ConfigureAwait(false);
        await DispatchAsync(target, replaced.Actions, cancellationToken).ConfigureAwait(false);
    }
}
