using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Tickets;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TicketLifecycleStorageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TicketDesk _desk = new(azurite);

    [Fact]
    public async Task A_customer_never_sees_another_accounts_ticket_or_internal_notes()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        await _desk.Service.AppendNoteAsync(ticket.Id, "customer is on the old plan", TicketDesk.Agent, default);
        await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("We are on it.", false), TicketDesk.Agent, null, default);

        var own = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.CustomerA, default);
        var staff = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default);

        Assert.Equal([TicketEventKind.Created, TicketEventKind.Reply], own.Select(e => e.Kind));
        Assert.DoesNotContain(own, e => e.Body == "customer is on the old plan");
        Assert.Contains(staff, e => e.Body == "customer is on the old plan" && e.Visibility == EventVisibility.Internal);
        foreach (var attempt in new Func<Task>[]
                 {
                     () => _desk.Service.GetAsync(ticket.Id, TicketDesk.CustomerB, default),
                     () => _desk.Service.EventsAsync(ticket.Id, TicketDesk.CustomerB, default),
                     () => _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("hi", false), TicketDesk.CustomerB, null, default),
                     () => _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("closed", null), TicketDesk.CustomerB, null, default),
                 })
        {
            Assert.Equal(Rejection.NotFound, (await Assert.ThrowsAsync<RequestRejectedException>(attempt)).Kind);
        }
    }

    [Fact]
    public async Task A_stale_if_match_from_another_account_still_reads_as_not_found()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);

        var ex = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("hi", false), TicketDesk.CustomerB, new Azure.ETag("W/\"stale\""), default));

        Assert.Equal(Rejection.NotFound, ex.Kind);
    }

    [Fact]
    public async Task The_first_staff_public_reply_sets_first_responded_and_a_customer_reply_reopens_a_pending_ticket()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", "sam@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.AppendNoteAsync(ticket.Id, "internal", TicketDesk.Agent, default);
        var afterNote = await _desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default);
        var replyAt = _desk.Clock.GetUtcNow();
        await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("Try again now?", false), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("pending", "waiting on customer"), TicketDesk.Agent, null, default);

        var reopened = await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("Still broken", false), TicketDesk.CustomerA, null, default);

        Assert.Null(afterNote.Ticket.FirstRespondedAt);
        Assert.Equal(replyAt, reopened.Ticket.FirstRespondedAt);
        Assert.Equal(TicketStatus.Open, reopened.Ticket.Status);
    }

    [Fact]
    public async Task The_owner_may_close_its_resolved_ticket_but_not_resolve_it()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("low", null), TicketDesk.Agent, null, default);

        var resolve = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("resolved", null), TicketDesk.CustomerA, null, default));
        await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default);
        var closed = await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("closed", "thanks"), TicketDesk.CustomerA, null, default);

        Assert.Equal(Rejection.Forbidden, resolve.Kind);
        Assert.Equal(TicketStatus.Closed, closed.Ticket.Status);
        Assert.Equal(_desk.Clock.GetUtcNow(), closed.Ticket.ClosedAt);
    }

    [Fact]
    public async Task Changes_publish_versioned_envelopes_to_the_events_topic_and_clear_the_outbox()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("urgent", "sam@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.AppendNoteAsync(ticket.Id, "internal only", TicketDesk.Agent, default);
        await _desk.Service.AddReplyAsync(ticket.Id, new ReplyRequest("On it", false), TicketDesk.Agent, null, default);

        var sent = _desk.Bus.Sent.ToList();

        Assert.All(sent, s => Assert.Equal("helpdesk-events", s.Entity));
        Assert.Equal([HelpdeskEventTypes.TicketCreated, HelpdeskEventTypes.TicketAssigned, HelpdeskEventTypes.TicketReplied], sent.Select(s => s.Message.Subject));
        var assignedMessage = sent[1].Message;
        var envelope = JsonSerializer.Deserialize<HelpdeskEvent>(assignedMessage.Body, HelpdeskJson.Options)!;
        Assert.Equal($"{ticket.Id}/{envelope.EventId}", assignedMessage.MessageId);
        Assert.Equal(1, envelope.Version);
        var assigned = envelope.ReadData<TicketAssignedData>();
        Assert.Equal(("urgent", "sam@infoflopay.com", true), (assigned.Priority, assigned.Assignee?.Email, assigned.BecameUrgent));
        var reply = JsonSerializer.Deserialize<HelpdeskEvent>(sent[2].Message.Body, HelpdeskJson.Options)!.ReadData<TicketRepliedData>();
        Assert.Equal((ReplyAuthorRole.Staff, "On it"), (reply.AuthorRole, reply.Body));
        await _desk.Cleanup.WhenIdleAsync();
        Assert.DoesNotContain(await _desk.AllRowsAsync(), r => r.RowKey.StartsWith("outbox|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assignment_message_says_whether_the_triage_changed_the_owner()
    {
        var ticket = await _desk.OpenAsync(TicketDesk.Agent);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("low", "sam@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", "SAM@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", "kim@infoflopay.com"), TicketDesk.Agent, null, default);

        var assignments = _desk.Bus.Sent.Where(s => s.Message.Subject == HelpdeskEventTypes.TicketAssigned)
            .Select(s => JsonSerializer.Deserialize<HelpdeskEvent>(s.Message.Body, HelpdeskJson.Options)!.ReadData<TicketAssignedData>());
        Assert.Equal([true, false, true], assignments.Select(a => a.AssigneeChanged));
    }

    [Fact]
    public async Task Events_the_bus_refused_stay_in_the_outbox_until_the_relay_publishes_them()
    {
        await _desk.RegisterAccountsAsync();
        _desk.Bus.Failing = true;
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        Assert.Single(await _desk.AllRowsAsync(), r => r.RowKey.StartsWith("outbox|", StringComparison.Ordinal));
        _desk.Bus.Failing = false;
        _desk.Clock.Advance(TimeSpan.FromMinutes(2));

        var leftovers = await _desk.Store.OutboxOlderThanAsync(_desk.Clock.GetUtcNow() - RelayOutboxFunction.Grace, default);
        await _desk.Outbox.RepublishAsync(leftovers, default);

        var sent = Assert.Single(_desk.Bus.Sent);
        Assert.Equal($"{ticket.Id}/000001", sent.Message.MessageId);
        Assert.DoesNotContain(await _desk.AllRowsAsync(), r => r.RowKey.StartsWith("outbox|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_notification_is_recorded_once_however_often_it_is_reported_and_customers_see_only_mail_to_the_requester()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);

        var first = await _desk.Service.RecordNotificationSentAsync(ticket.Id, "msg-1/alice@acme.test", "email", ["alice@acme.test"], "[IFP] ack", customerFacing: true, default);
        var again = await _desk.Service.RecordNotificationSentAsync(ticket.Id, "msg-1/alice@acme.test", "email", ["alice@acme.test"], "[IFP] ack", customerFacing: true, default);
        await _desk.Service.RecordNotificationSentAsync(ticket.Id, "msg-2/kim@infoflopay.com", "email", ["kim@infoflopay.com"], "[IFP] assigned", customerFacing: false, default);

        Assert.True(first);
        Assert.False(again);
        var staff = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default);
        Assert.Equal(["alice@acme.test", "kim@infoflopay.com"],
            staff.Where(e => e.Kind == TicketEventKind.NotificationSent).SelectMany(e => e.Recipients!).Order(StringComparer.Ordinal));
        var customer = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.CustomerA, default);
        Assert.Equal(["alice@acme.test"], Assert.Single(customer, e => e.Kind == TicketEventKind.NotificationSent).Recipients!);
    }

    [Fact]
    public async Task Index_rows_follow_the_ticket_so_none_points_at_an_old_state()
    {
        var ticket = await _desk.OpenAsync(TicketDesk.Agent, priority: "high");
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("low", "kim@infoflopay.com"), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(ticket.Id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, default);

        var rows = await _desk.AllRowsAsync();
        var indexRows = rows.Where(r => new[] { "open|", "closed|", "all|", "queue|" }.Any(p => r.RowKey.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Equal(["all", "closed"], indexRows.Select(r => r.RowKey.Split('|')[0]).Order());
        Assert.All(indexRows, r => Assert.Equal("resolved", r.GetString("Status")));
        Assert.Equal(TicketKeys.IndexOf((await _desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default)).Ticket).Order(),
            rows.Single(r => r.RowKey == TicketKeys.Ticket(ticket.Id)).GetString("IndexKeys").Split('\n'));
    }

    public void Dispose() => _desk.Dispose();
}
