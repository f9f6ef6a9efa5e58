using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;

namespace InfoFloPay.IntegrationTests.Sla;

/// <summary>
/// The SLA sweep on Azurite with the shipped policy and a fake clock. An essentials ticket opened at 09:00 New York time
/// with priority high must have a first response within 4 business hours (due 13:00, 18:00 UTC), warned an hour before.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SlaSweepTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset WarningAt = TicketDesk.Start.AddHours(3);
    private static readonly DateTimeOffset DueAt = TicketDesk.Start.AddHours(4);

    private readonly TicketDesk _desk = TicketDesk.WithShippedSla(azurite);

    [Fact]
    public async Task A_high_ticket_is_warned_an_hour_before_its_first_response_is_due_then_breached_once_each()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        Assert.Equal(DueAt, ticket.Sla.FirstResponseDueAt);

        _desk.Clock.SetUtcNow(WarningAt.AddMinutes(-1));
        Assert.Equal(0, (await _desk.SweepAsync()).DueTickets);
        Assert.Empty(_desk.SlaMessages());

        _desk.Clock.SetUtcNow(WarningAt.AddMinutes(1));
        await _desk.SweepAsync();
        await _desk.SweepAsync();
        var warning = Assert.Single(_desk.SlaMessages());
        Assert.Equal(HelpdeskEventTypes.SlaWarning, warning.Type);
        var alert = warning.ReadData<SlaAlertData>();
        Assert.Equal(("first-response", DueAt, "high", ticket.Subject), (alert.Target, alert.DueAt, alert.Priority, alert.Subject));
        Assert.Empty((await _desk.GetAsync(ticket.Id)).Sla.Breaches);

        _desk.Clock.SetUtcNow(DueAt.AddMinutes(1));
        await _desk.SweepAsync();
        _desk.Clock.SetUtcNow(DueAt.AddHours(3));
        var later = await _desk.SweepAsync();

        Assert.Equal(0, later.DueTickets);
        Assert.Equal([HelpdeskEventTypes.SlaWarning, HelpdeskEventTypes.SlaBreached], _desk.SlaMessages().Select(m => m.Type));
        Assert.Equal(2, _desk.SlaMessages().Select(m => m.MessageId).Distinct().Count());
        Assert.Equal([new SlaBreach(SlaTargetKind.FirstResponse, DueAt)], (await _desk.GetAsync(ticket.Id)).Sla.Breaches);
        var sla = (await _desk.EventsAsync(ticket.Id)).Where(e => e.Kind is TicketEventKind.SlaApplied or TicketEventKind.SlaWarning or TicketEventKind.SlaBreached).ToList();
        Assert.Equal([TicketEventKind.SlaApplied, TicketEventKind.SlaWarning, TicketEventKind.SlaBreached], sla.Select(e => e.Kind));
        Assert.All(sla, e => Assert.Equal(EventVisibility.Internal, e.Visibility));
        Assert.All(sla.Skip(1), e => Assert.Equal(("first-response", DueAt), (e.Channel, e.DueAt)));
    }

    [Fact]
    public async Task Two_hours_in_pending_push_the_warning_and_the_breach_out_by_two_hours()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        _desk.Clock.Advance(TimeSpan.FromMinutes(30));
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", TicketDesk.Agent.Email), TicketDesk.Agent, null, CancellationToken.None);
        _desk.Clock.SetUtcNow(TicketDesk.Start.AddHours(1));
        await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("pending", "waiting for logs"), TicketDesk.Agent, null, CancellationToken.None);

        _desk.Clock.SetUtcNow(WarningAt.AddMinutes(30));
        await _desk.SweepAsync();
        Assert.True((await _desk.GetAsync(ticket.Id)).Sla.Paused);
        await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("open", null), TicketDesk.Agent, null, CancellationToken.None);
        var resumed = await _desk.GetAsync(ticket.Id);

        // Pending from 10:00 to 12:30 New York time: two and a half business hours later than without the pause.
        var pushedDue = DueAt.AddHours(2.5);
        Assert.Equal(pushedDue, resumed.Sla.FirstResponseDueAt);
        Assert.False(resumed.Sla.Paused);

        _desk.Clock.SetUtcNow(DueAt.AddMinutes(30));
        await _desk.SweepAsync();
        Assert.Empty(_desk.SlaMessages());

        _desk.Clock.SetUtcNow(pushedDue.AddHours(-1).AddMinutes(1));
        await _desk.SweepAsync();
        _desk.Clock.SetUtcNow(pushedDue.AddMinutes(1));
        await _desk.SweepAsync();

        Assert.Equal([HelpdeskEventTypes.SlaWarning, HelpdeskEventTypes.SlaBreached], _desk.SlaMessages().Select(m => m.Type));
        Assert.All(_desk.SlaMessages(), m => Assert.Equal(pushedDue, m.ReadData<SlaAlertData>().DueAt));
        Assert.All(_desk.SlaMessages(), m => Assert.Equal(TicketDesk.Agent.Email, m.ReadData<SlaAlertData>().Assignee?.Email));
    }

    [Fact]
    public async Task A_first_response_before_the_due_time_is_met_and_never_escalated()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        _desk.Clock.SetUtcNow(TicketDesk.Start.AddHours(1));
        await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("We are on it.", false), TicketDesk.Agent, null, CancellationToken.None);

        _desk.Clock.SetUtcNow(DueAt.AddHours(2));
        var sweep = await _desk.SweepAsync();

        Assert.Equal(0, sweep.DueTickets);
        Assert.Empty(_desk.SlaMessages());
        Assert.Empty((await _desk.GetAsync(ticket.Id)).Sla.Breaches);
        var met = Assert.Single(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.SlaMet);
        Assert.Equal(("first-response", DueAt, TicketDesk.Start.AddHours(1)), (met.Channel, met.DueAt, met.OccurredAt));
    }

    [Fact]
    public async Task A_first_response_after_the_due_time_is_a_breach_not_a_met_target()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        _desk.Clock.SetUtcNow(DueAt.AddMinutes(10));
        await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("Sorry for the wait.", false), TicketDesk.Agent, null, CancellationToken.None);

        await _desk.SweepAsync();

        var breach = Assert.Single(_desk.SlaMessages());
        Assert.Equal(HelpdeskEventTypes.SlaBreached, breach.Type);
        Assert.DoesNotContain(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.SlaMet);
        Assert.Equal([new SlaBreach(SlaTargetKind.FirstResponse, DueAt)], (await _desk.GetAsync(ticket.Id)).Sla.Breaches);
    }

    [Fact]
    public async Task Overlapping_sweeps_send_each_warning_and_each_breach_exactly_once()
    {
        var tickets = new List<Ticket>();
        for (var n = 0; n < 10; n++)
        {
            tickets.Add(await _desk.OpenOutageAsync("high", $"Overlap {n}"));
        }

        foreach (var at in new[] { WarningAt.AddMinutes(1), DueAt.AddMinutes(1) })
        {
            _desk.Clock.SetUtcNow(at);
            var sweeps = Enumerable.Range(0, 4).Select(_ => _desk.Sweep()).ToList();
            var results = await Task.WhenAll(sweeps.Select(sweep => Task.Run(() => sweep.RunAsync(CancellationToken.None))));
            Assert.Equal(10, results.Sum(result => result.Notices));
            Assert.All(results, result => Assert.Equal(0, result.Failed));
        }

        var messages = _desk.SlaMessages();
        Assert.Equal(20, messages.Count);
        Assert.All(messages.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        foreach (var ticket in tickets)
        {
            var kinds = (await _desk.EventsAsync(ticket.Id)).Select(e => e.Kind).Where(kind => kind is TicketEventKind.SlaWarning or TicketEventKind.SlaBreached);
            Assert.Equal([TicketEventKind.SlaWarning, TicketEventKind.SlaBreached], kinds);
        }
    }

    [Fact]
    public async Task Notices_committed_before_publishing_failed_are_delivered_once_by_the_relay_and_not_again_by_the_next_sweep()
    {
        for (var n = 0; n < 3; n++)
        {
            await _desk.OpenOutageAsync("high", $"Crash {n}");
        }

        _desk.Clock.SetUtcNow(DueAt.AddMinutes(1));
        _desk.Bus.Failing = true;
        var crashed = await _desk.SweepAsync();
        _desk.Bus.Failing = false;
        var next = await _desk.SweepAsync();

        Assert.Equal(3, crashed.Notices);
        Assert.Equal(0, next.Notices);
        Assert.Empty(_desk.SlaMessages());

        _desk.Clock.Advance(TimeSpan.FromMinutes(2));
        await _desk.RelayAsync();
        await _desk.RelayAsync();
        await _desk.SweepAsync();

        var messages = _desk.SlaMessages();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(HelpdeskEventTypes.SlaBreached, m.Type));
        Assert.Equal(3, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_sweep_interrupted_before_it_commits_leaves_the_ticket_due_for_the_next_sweep()
    {
        var ticket = await _desk.OpenOutageAsync("high");
        _desk.Clock.SetUtcNow(DueAt.AddMinutes(1));
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _desk.Sweep().RunAsync(interrupted.Token));
        Assert.Empty((await _desk.GetAsync(ticket.Id)).SentSlaNotices);
        var retried = await _desk.SweepAsync();

        Assert.Equal((1, 1), (retried.DueTickets, retried.Notices));
        Assert.Equal(HelpdeskEventTypes.SlaBreached, Assert.Single(_desk.SlaMessages()).Type);
    }

    public void Dispose() => _desk.Dispose();
}
