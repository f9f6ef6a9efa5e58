using System.Globalization;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// Opens and works monitoring incidents through the normal ticket service, so an incident is acknowledged, mobilizes
/// the team and pages the Operations Manager exactly as any urgent ticket does. The desk files it on the Operations
/// Manager's behalf: they are paged anyway, and they are told when it resolves.
/// </summary>
internal sealed class TicketServiceIncidents(TicketService tickets, IOptions<SupportRosterOptions> roster) : IIncidentTickets
{
    private static readonly Caller Monitoring = Caller.System("InfoFlo Pay Monitoring");

    public async Task<string> OpenIncidentAsync(
        MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var manager = roster.Value.OperationsManager;
        var request = new NewTicketRequest(
            Subject: $"{target.Name} is down",
            Description: string.Create(CultureInfo.InvariantCulture,
                $"Monitoring has seen {target.FailureThreshold} failed status check(s) in a row for {target.Url} since {firstFailureAt:u}.\n\n{detail}"),
            Requester: new RequesterInput(manager.Name, manager.Email),
            CustomerId: target.CustomerId,
            Priority: "urgent",
            Category: "monitoring");
        var result = await tickets.CreateAsync(request, Monitoring, TicketChannel.Monitoring, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return result.Ticket.Id;
    }

    public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.AppendNoteAsync(ticketId, text, Monitoring, cancellationToken);

    public async Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken)
    {
        // An outage can end before anyone triaged the incident; the status graph resolves only open work, so it is
        // opened first, on the record, rather than bending the graph for one caller.
        var current = await tickets.GetAsync(ticketId, Monitoring, cancellationToken).ConfigureAwait(false);
        if (current.Ticket.Status == TicketStatus.New)
        {
            await tickets.ChangeStatusAsync(ticketId, new StatusChangeRequest("open", "Recovered before triage."), Monitoring, current.ETag, cancellationToken)
                .ConfigureAwait(false);
        }

        await tickets.ChangeStatusAsync(ticketId, new StatusChangeRequest("resolved", note), Monitoring, ifMatch: null, cancellationToken)
            .ConfigureAwait(false);
    }

    public Task ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeStatusAsync(ticketId, new StatusChangeRequest("open", note), Monitoring, ifMatch: null, cancellationToken);
}
