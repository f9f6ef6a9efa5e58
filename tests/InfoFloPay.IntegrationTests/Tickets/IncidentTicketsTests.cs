using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Roster;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Tickets;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IncidentTicketsTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly MonitoredTarget Gateway = new("payments-gateway", ProbeKind.Http, "https://pay.example/health", 200, 5, null, 3, "acme");

    private readonly TicketDesk _desk = new(azurite);

    private TicketServiceIncidents Incidents => new(_desk.Service, Options.Create(new SupportRosterOptions { OperationsManager = new SupportPerson { Name = "Olivia Ops", Email = "olivia.ops@infoflopay.example" } }));

    [Fact]
    public async Task An_incident_is_one_urgent_monitoring_ticket_per_key_for_the_targets_account()
    {
        await _desk.RegisterAccountsAsync();

        var firstFailure = _desk.Clock.GetUtcNow();
        var first = await Incidents.OpenIncidentAsync(Gateway, firstFailure, "connection refused", "gateway/outage-1", default);
        _desk.Clock.Advance(TimeSpan.FromMinutes(1));

        // A retry from a later run: what the probes saw has changed since, the outage has not.
        var again = await Incidents.OpenIncidentAsync(Gateway, firstFailure, "timed out after 5 s", "gateway/outage-1", default);

        Assert.Equal(first, again);
        var ticket = (await _desk.Service.GetAsync(first, TicketDesk.Agent, default)).Ticket;
        Assert.Equal((TicketPriority.Urgent, TicketChannel.Monitoring, "acme", TicketStatus.New), (ticket.Priority, ticket.Channel, ticket.CustomerId, ticket.Status));
        Assert.Contains(Gateway.Url, ticket.Description, StringComparison.Ordinal);
        var events = await _desk.Service.EventsAsync(first, TicketDesk.Agent, default);
        var detail = Assert.Single(events, e => e.Kind == TicketEventKind.Reply);
        Assert.Equal(("connection refused", EventVisibility.Internal), (detail.Body, detail.Visibility));
    }

    [Fact]
    public async Task A_closed_incident_cannot_be_reopened_and_says_so()
    {
        await _desk.RegisterAccountsAsync();
        var id = await Incidents.OpenIncidentAsync(Gateway, _desk.Clock.GetUtcNow(), "timeout", "gateway/outage-3", default);
        await Incidents.ResolveAsync(id, "recovered", "gateway/outage-3/resolve", default);
        var reopenedWhileResolved = await Incidents.ReopenAsync(id, "failing again", "gateway/outage-3/reopen-1", default);
        await Incidents.ResolveAsync(id, "recovered again", "gateway/outage-3/resolve-2", default);
        await _desk.Service.ChangeStatusAsync(id, new StatusChangeRequest("closed", null), TicketDesk.Agent, null, default);

        var reopenedWhileClosed = await Incidents.ReopenAsync(id, "failing once more", "gateway/outage-3/reopen-2", default);
        var repeated = await Incidents.ReopenAsync(id, "failing once more", "gateway/outage-3/reopen-2", default);

        Assert.True(reopenedWhileResolved);
        Assert.False(reopenedWhileClosed);
        Assert.False(repeated);
        Assert.Equal(TicketStatus.Closed, (await _desk.Service.GetAsync(id, TicketDesk.Agent, default)).Ticket.Status);
    }

    [Fact]
    public async Task Notes_resolution_and_reopening_happen_once_per_key()
    {
        await _desk.RegisterAccountsAsync();
        var id = await Incidents.OpenIncidentAsync(Gateway, _desk.Clock.GetUtcNow(), "timeout", "gateway/outage-2", default);

        await Incidents.AddNoteAsync(id, "still failing", "gateway/outage-2/note-1", default);
        await Incidents.AddNoteAsync(id, "still failing", "gateway/outage-2/note-1", default);
        await Incidents.ResolveAsync(id, "recovered", "gateway/outage-2/resolve", default);
        await Incidents.ResolveAsync(id, "recovered", "gateway/outage-2/resolve", default);
        var resolved = (await _desk.Service.GetAsync(id, TicketDesk.Agent, default)).Ticket;
        await Incidents.ReopenAsync(id, "failing again", "gateway/outage-2/reopen", default);
        await Incidents.ReopenAsync(id, "failing again", "gateway/outage-2/reopen", default);

        var events = await _desk.Service.EventsAsync(id, TicketDesk.Agent, default);
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.Single(events, e => e.Kind == TicketEventKind.Reply && e.Body == "still failing" && e.Visibility == EventVisibility.Internal);
        Assert.Equal(
            [(TicketStatus.New, TicketStatus.Open), (TicketStatus.Open, TicketStatus.Resolved), (TicketStatus.Resolved, TicketStatus.Open)],
            events.Where(e => e.Kind == TicketEventKind.Status).Select(e => (e.FromStatus!.Value, e.ToStatus!.Value)));
        Assert.Equal(TicketStatus.Open, (await _desk.Service.GetAsync(id, TicketDesk.Agent, default)).Ticket.Status);
    }

    public void Dispose() => _desk.Dispose();
}
