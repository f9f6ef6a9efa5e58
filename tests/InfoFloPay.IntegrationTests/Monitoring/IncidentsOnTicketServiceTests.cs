using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Roster;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// Outages worked through the real ticket service on Azurite (not the recording port): the tickets an agent would see,
/// with the request bodies, idempotency records and status graph that the ticket service enforces.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IncidentsOnTicketServiceTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task An_open_whose_answer_was_lost_is_retried_to_the_same_ticket_and_recovery_resolves_it()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        var (monitoring, incidents) = Monitoring();
        await using var _ = monitoring;
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        incidents.LoseNextOpenReply();

        await monitoring.ProbeAsync();
        Assert.Null((await monitoring.StateOfAsync("checkout")).IncidentId);
        await monitoring.ProbeAsync();

        var ticketId = Assert.Single(incidents.Opened.Distinct());
        Assert.Equal(2, incidents.Opened.Count);
        Assert.Equal(ticketId, (await monitoring.StateOfAsync("checkout")).OpenIncidentId);

        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();

        var ticket = await _desk.GetAsync(ticketId);
        Assert.Equal((TicketStatus.Resolved, TicketPriority.Urgent), (ticket.Status, ticket.Priority));
        Assert.Null((await monitoring.StateOfAsync("checkout")).OpenIncidentId);
    }

    [Fact]
    public async Task An_incident_whose_answer_was_lost_is_resolved_when_the_target_recovers_before_the_next_run()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        var (monitoring, incidents) = Monitoring();
        await using var _ = monitoring;
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        incidents.LoseNextOpenReply();

        await monitoring.ProbeAsync();
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();

        var ticketId = Assert.Single(incidents.Opened.Distinct());
        var ticket = await _desk.GetAsync(ticketId);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        var events = await _desk.EventsAsync(ticketId);
        Assert.Contains(events, e => e.Kind == TicketEventKind.Status && e.ToStatus == TicketStatus.Resolved
            && e.Note!.Contains("before this incident was recorded", StringComparison.Ordinal));
        Assert.Equal(ticketId, (await monitoring.StateOfAsync("checkout")).IncidentId);
    }

    [Fact]
    public async Task A_relapse_after_the_incident_was_closed_opens_a_new_urgent_incident()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        var (monitoring, incidents) = Monitoring();
        await using var _ = monitoring;
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        await monitoring.ProbeAsync();
        server.AnswerWith(HealthPage.Healthy);
        await monitoring.ProbeAsync();
        var first = Assert.Single(incidents.Opened);
        await _desk.Service.ChangeStatusAsync(first, new StatusChangeRequest("closed", null), TicketDesk.Agent, null, default);

        server.AnswerWith(HealthPage.Failing);
        await monitoring.ProbeAsync();

        var second = Assert.Single(incidents.Opened, id => id != first);
        var replacement = await _desk.GetAsync(second);
        Assert.Equal((TicketStatus.New, TicketPriority.Urgent, TicketChannel.Monitoring), (replacement.Status, replacement.Priority, replacement.Channel));
        Assert.Equal(TicketStatus.Closed, (await _desk.GetAsync(first)).Status);
        var state = await monitoring.StateOfAsync("checkout");
        Assert.Equal((second, 2), (state.OpenIncidentId, state.OutageCount));
    }

    [Fact]
    public async Task An_incident_an_agent_resolved_while_the_target_still_fails_is_reopened_by_the_next_note()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        var (monitoring, incidents) = Monitoring();
        await using var _ = monitoring;
        await monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path), threshold: 1);
        await monitoring.ProbeAsync();
        var ticketId = Assert.Single(incidents.Opened);
        await _desk.Service.ChangeStatusAsync(ticketId, new StatusChangeRequest("open", null), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(ticketId, new StatusChangeRequest("resolved", "Looks fine from here."), TicketDesk.Agent, null, default);

        monitoring.Clock.Advance(TimeSpan.FromMinutes(30));
        await monitoring.ProbeAsync();

        Assert.Equal(TicketStatus.Open, (await _desk.GetAsync(ticketId)).Status);
        var reopened = Assert.Single(await _desk.EventsAsync(ticketId), e => e.Kind == TicketEventKind.Status && e.FromStatus == TicketStatus.Resolved);
        Assert.Contains("Still failing after 31 min", reopened.Note, StringComparison.Ordinal);
        Assert.Single(incidents.Opened);
    }

    public void Dispose() => _desk.Dispose();

    /// <summary>Monitoring on the desk's clock, working incidents through the desk's ticket service.</summary>
    private (MonitoringHarness Monitoring, LostReplyIncidentTickets Incidents) Monitoring()
    {
        var roster = Options.Create(new SupportRosterOptions
        {
            OperationsManager = new SupportPerson { Name = "Olivia Ops", Email = "olivia.ops@infoflopay.example" },
        });
        var incidents = new LostReplyIncidentTickets(new TicketServiceIncidents(_desk.Service, roster));
        return (MonitoringHarness.Create(azurite, clock: _desk.Clock, incidents: incidents), incidents);
    }
}
