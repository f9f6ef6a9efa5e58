using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// Opens and works monitoring incidents through the normal ticket service, so an incident mobilizes the team and pages
/// the Operations Manager exactly as any urgent ticket does (its mail is worded as an incident: channel monitoring). The desk files it on the Operations
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

        // The idempotency key stands for this exact request: a retry that asked with anything else (the latest probe's
        // result, the count of failures so far) would be refused as a different request, and the outage left without
        // the ticket it already has. So the request is made from what is fixed for the outage only.
        var request = new NewTicketRequest(
            Subject: $"{target.Name} is down",
            Description: Describe(target, firstFailureAt),
            Requester: new RequesterInput(manager.Name, manager.Email),
            CustomerId: target.CustomerId,
            Priority: "urgent",
            Category: "monitoring");
        var result = await tickets.CreateAsync(request, Monitoring, TicketChannel.Monitoring, idempotencyKey, cancellationToken).ConfigureAwait(false);
        await AddNoteAsync(result.Ticket.Id, detail, idempotencyKey + "|detail", cancellationToken).ConfigureAwait(false);
        return result.Ticket.Id;
    }

    /// <summary>What failed, since when, after how many checks: fixed for the outage, as the idempotency key requires.</summary>
    private static string Describe(MonitoredTarget target, DateTimeOffset firstFailureAt) => target.Kind == ProbeKind.Heartbeat
        ? string.Create(CultureInfo.InvariantCulture,
            $"Monitoring has missed {target.FailureThreshold} heartbeat check(s) in a row from {target.Name} (one beat expected every {DurationText.Describe(target.Interval)}, grace {DurationText.Describe(TimeSpan.FromSeconds(target.GraceSeconds))}) since {firstFailureAt:u}.")
        : string.Create(CultureInfo.InvariantCulture,
            $"Monitoring has seen {target.FailureThreshold} failed status check(s) in a row for {target.Url} ({EnumText.Of(target.Kind)}) since {firstFailureAt:u}.");

    // Each change below is applied once per idempotency key (the key is stored in the same batch as the change), so a
    // retried probe run never adds a second note or a second resolution.

    public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status == TicketStatus.Closed
            ? TicketChange.None(ticket)
            : TicketLifecycle.Reply(ticket, text, isInternal: true, Monitoring, now), cancellationToken);

    /// <summary>
    /// An outage can end before anyone triaged the incident; the status graph resolves only open work, so a new
    /// incident is opened first, on the record, in the same change rather than bending the graph for one caller.
    /// </summary>
    public Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status switch
        {
            TicketStatus.New => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Open, "Recovered before triage.", Monitoring, now)
                .Then(opened => TicketLifecycle.ChangeStatus(opened, TicketStatus.Resolved, note, Monitoring, now)),
            TicketStatus.Open or TicketStatus.Pending => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Resolved, note, Monitoring, now),
            _ => TicketChange.None(ticket),
        }, cancellationToken);

    /// <summary>Reopens a resolved incident; one already open gets the note; one someone closed stays closed, and the
    /// answer says so.</summary>
    public async Task<bool> ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken)
    {
        await tickets.ChangeOnceAsync(ticketId, Monitoring, idempotencyKey, (ticket, now) => ticket.Status switch
        {
            TicketStatus.Resolved => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Open, note, Monitoring, now),
            TicketStatus.Closed => TicketChange.None(ticket),
            _ => TicketLifecycle.Reply(ticket, note, isInternal: true, Monitoring, now),
        }, cancellationToken).ConfigureAwait(false);

        // Read rather than inferred from the change: a repeated key changes nothing and so tells nothing about the status.
        var current = await tickets.GetAsync(ticketId, Monitoring, cancellationToken).ConfigureAwait(false);
        return current.Ticket.Status != TicketStatus.Closed;
    }
}
