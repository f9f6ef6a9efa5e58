using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Carries out the tracker's incident actions through the ticket port, and remembers the ticket an open created.</summary>
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
                    // The target may have been removed while it was probed; an urgent ticket (and a page) for it would be noise.
                    if (await targets.FindAsync(target.Name, cancellationToken).ConfigureAwait(false) is null)
                    {
                        logger.LogInformation("Not opening an incident for {Target}: it was removed while it was probed", target.Name);
                        break;
                    }

                    var ticketId = await tickets.OpenIncidentAsync(target, open.FirstFailureAt, open.Detail, open.IdempotencyKey, cancellationToken)
                        .ConfigureAwait(false);
                    logger.LogWarning("Opened incident {TicketId} for outage {Outage} of {Target}", ticketId, open.OutageNumber, target.Name);
                    var recorded = await recorder.RecordIncidentAsync(target, open, ticketId, cancellationToken).ConfigureAwait(false);
                    await DispatchAsync(target, recorded.Actions, cancellationToken).ConfigureAwait(false);
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
                    await tickets.ReopenAsync(reopen.TicketId, reopen.Note, reopen.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                    logger.LogWarning("Reopened incident {TicketId}: {Target} is failing again", reopen.TicketId, target.Name);
                    break;
                default:
                    throw new NotSupportedException($"Unknown incident action {action.GetType().Name}.");
            }
        }
    }
}
