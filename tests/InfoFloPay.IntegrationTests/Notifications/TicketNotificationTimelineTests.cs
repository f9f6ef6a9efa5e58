using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>Notifications on the ticket store's timeline: who sees them, once each, and the Message-IDs replies thread by.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketNotificationTimelineTests : IAsyncLifetime, IDisposable
{
    private readonly TicketDesk _desk;
    private readonly MailThreadIndex _threads;
    private readonly TicketNotificationTimeline _timeline;

    public TicketNotificationTimelineTests(AzuriteFixture azurite)
    {
        _desk = new TicketDesk(azurite);
        _threads = new MailThreadIndex(new EnsuredTable(_desk.TicketsTable));
        _timeline = new TicketNotificationTimeline(_desk.Service, _threads);
    }

    public Task InitializeAsync() => _desk.RegisterAccountsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_customer_sees_mail_sent_to_the_requester_and_staff_see_everything_once()
    {
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        var ack = new SentNotification(ticket.Id, $"{ticket.Id}/000001/email/alice@acme.test", NotificationKind.Acknowledgement, "email", "alice@acme.test", $"[{ticket.Id}] ack", "<ack@infoflopay.example>");
        var page = new SentNotification(ticket.Id, $"{ticket.Id}/000002/pager", NotificationKind.Page, "pager", "olivia.pager@infoflopay.example", "URGENT", null);

        await _timeline.RecordAsync(ack, default);
        await _timeline.RecordAsync(ack, default);
        await _timeline.RecordAsync(page, default);

        var staff = (await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default)).Where(e => e.Kind == TicketEventKind.NotificationSent).ToList();
        Assert.Equal(["alice@acme.test", "olivia.pager@infoflopay.example"], staff.SelectMany(e => e.Recipients!).Order(StringComparer.Ordinal));
        var customer = (await _desk.Service.EventsAsync(ticket.Id, TicketDesk.CustomerA, default)).Where(e => e.Kind == TicketEventKind.NotificationSent).ToList();
        Assert.Equal((EventVisibility.Public, "email", $"[{ticket.Id}] ack"), (Assert.Single(customer).Visibility, customer[0].Channel, customer[0].Note));
        await Assert.ThrowsAsync<Domain.RequestRejectedException>(() => _desk.Service.EventsAsync(ticket.Id, TicketDesk.CustomerB, default));
    }

    [Fact]
    public async Task The_customer_sees_only_customer_mail_and_only_when_the_requester_is_one_of_their_users()
    {
        var own = await _desk.OpenAsync(TicketDesk.CustomerA);
        // Staff opened this one for the account without naming a requester: the agent is the requester.
        var staffOpened = await _desk.OpenAsync(TicketDesk.Agent, customerId: "acme", priority: "high");
        var agent = TicketDesk.Agent.Email;

        await _timeline.RecordAsync(new SentNotification(own.Id, "own/ack", NotificationKind.Acknowledgement, "email", "alice@acme.test", "ack", null), default);
        await _timeline.RecordAsync(new SentNotification(own.Id, "own/sla", NotificationKind.SlaWarning, "email", "ALICE@acme.test", "SLA warning", null), default);
        await _timeline.RecordAsync(new SentNotification(staffOpened.Id, "staff/ack", NotificationKind.Acknowledgement, "email", agent, "ack", null), default);
        await _timeline.RecordAsync(new SentNotification(staffOpened.Id, "staff/urgent", NotificationKind.UrgentMobilization, "email", agent, "URGENT", null), default);
        await _timeline.RecordAsync(new SentNotification(staffOpened.Id, "staff/resolved", NotificationKind.Resolved, "email", agent, "resolved", null), default);

        Assert.Equal(["ack"], Notes(await _desk.Service.EventsAsync(own.Id, TicketDesk.CustomerA, default)));
        Assert.Empty(Notes(await _desk.Service.EventsAsync(staffOpened.Id, TicketDesk.CustomerA, default)));
        Assert.Equal(["SLA warning", "ack"], Notes(await _desk.Service.EventsAsync(own.Id, TicketDesk.Agent, default)));
        Assert.Equal(["URGENT", "ack", "resolved"], Notes(await _desk.Service.EventsAsync(staffOpened.Id, TicketDesk.Agent, default)));
    }

    private static IEnumerable<string?> Notes(IEnumerable<TicketEvent> events) =>
        events.Where(e => e.Kind == TicketEventKind.NotificationSent).Select(e => e.Note).Order(StringComparer.Ordinal);

    [Fact]
    public async Task A_sent_message_id_leads_back_to_its_ticket()
    {
        var first = await _desk.OpenAsync(TicketDesk.CustomerA);
        var second = await _desk.OpenAsync(TicketDesk.CustomerA);
        await _timeline.RecordAsync(new SentNotification(first.Id, "k1", NotificationKind.Acknowledgement, "email", "alice@acme.test", "s", "<one@infoflopay.example>"), default);
        await _timeline.RecordAsync(new SentNotification(second.Id, "k2", NotificationKind.Acknowledgement, "email", "alice@acme.test", "s", "<two@infoflopay.example>"), default);

        Assert.Equal([second.Id, first.Id], await _threads.TicketsOfAsync(["unknown@x", "two@infoflopay.example", "one@infoflopay.example"], default));
        Assert.Empty(await _threads.TicketsOfAsync(["unknown@x"], default));
    }

    [Fact]
    public async Task Nothing_is_recorded_for_a_ticket_that_does_not_exist()
    {
        Assert.False(await _desk.Service.RecordNotificationSentAsync("IFP-999999999", "k", "email", ["a@b.c"], "s", customerFacing: true, default));
        Assert.DoesNotContain(await _desk.AllRowsAsync(), row => row.RowKey.StartsWith("event|IFP-999999999|", StringComparison.Ordinal));
    }

    public void Dispose() => _desk.Dispose();
}
