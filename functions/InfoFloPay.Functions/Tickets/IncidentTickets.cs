using System.Globalization;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Monitoring's way into the ticket service: incidents are ordinary urgent tickets (channel monitoring, opened by the
/// desk itself with the support address as requester), so acknowledgement, mobilization and paging follow as for
/// any urgent ticket. Every call is applied once per idempotency key.
/// </summary>
public sealed class IncidentTickets(TicketService tickets, IOptions<SupportRosterOptions> roster) : IIncidentTickets
{
    private static readonly Caller Monitoring = Caller.System("monitoring");

    public async Task<string> OpenIncidentAsync(MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var subject = $"Outage: {target.Name} is failing health checks";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{target.Name} ({target.Url}) failed {target.FailureThreshold} consecutive health checks since {firstFailureAt:u}.\n\n{detail}");
        var request = new NewTicketRequest(
            subject.Length <= TicketRules.SubjectMaxLength ? subject : subject[..TicketRules.SubjectMaxLength],
            description,
            new RequesterInput("InfoFlo Pay monitoring", roster.Value.SupportAddress),
            target.CustomerId,
            "urgent",
            "monitoring");
        var created = await tickets.CreateAsync(request, Monitoring, TicketChannel.Monitoring, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return created.Ticket.Id;
    }

    public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status == TicketStatus.Closed
            ? TicketChange.None(ticket)
            : TicketLifecycle.Reply(ticket, text, isInternal: true, Monitoring, now), cancellationToken);

    /// <summary>Resolves from wherever the incident stands; a new incident nobody triaged is opened on the way.</summary>
    public Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status switch
        {
            TicketStatus.New => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Open, null, Monitoring, now)
                .Then(opened => TicketLifecycle.ChangeStatus(opened, TicketStatus.Resolved, note, Monitoring, now)),
            TicketStatus.Open or TicketStatus.Pending => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Resolved, note, Monitoring, now),
            _ => TicketChange.None(ticket),
        }, cancellationToken);

    /// <summary>Reopens a resolved incident; one someone already closed stays closed and gets the note instead.</summary>
    public Task ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status switch
        {
            TicketStatus.Resolved => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Open, note, Monitoring, now),
            TicketStatus.Closed => TicketChange.None(ticket),
            _ => TicketLifecycle.Reply(ticket, note, isInternal: true, Monitoring, now),
        }, cancellationToken);
}
