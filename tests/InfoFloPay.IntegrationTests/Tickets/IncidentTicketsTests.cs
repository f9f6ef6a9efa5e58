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

        var first = await Incidents.OpenIncidentAsync(Gateway, _desk.Clock.GetUtcNow(), "connection refused", "gateway/outage-1", default);
        var again = await Incidents.OpenIncidentAsync(Gateway, _desk.Clock.GetUtcNow(), "connection refused", "gateway/outage-1", default);

        Assert.Equal(first, again);
        var ticket = (await _desk.Service.GetAsync(first, TicketDesk.Agent, default)).Ticket;
        Assert.Equal((TicketPriority.Urgent, TicketChannel.Monitoring, "acme", TicketStatus.New), (ticket.Priority, ticket.Channel, ticket.CustomerId, ticket.Status));
        Assert.Contains("connection refused", ticket.Description, StringComparison.Ordinal);
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
