using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.UnitTests.Tickets;

public sealed class TicketLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Caller Agent = new(CallerRole.Agent, "ava@infoflopay.example", "Ava", null);
    private static readonly Caller Owner = Caller.Customer("alice@acme.test", "Alice", "acme");
    private static readonly Caller OtherCustomer = Caller.Customer("bob@globex.test", "Bob", "globex");

    private static Ticket Opened(Caller? by = null) =>
        TicketLifecycle.Open("IFP-1001", new NewTicket("Checkout fails", "500", new Requester("Alice", "alice@acme.test"), "acme", TicketPriority.Medium, null, TicketChannel.Portal), "vip", by ?? Owner, T0).Ticket;

    private static Ticket InStatus(TicketStatus status)
    {
        var ticket = TicketLifecycle.Triage(Opened(), TicketPriority.High, "ava@infoflopay.example", Agent, T0).Ticket;
        return status switch
        {
            TicketStatus.Open => ticket,
            TicketStatus.Pending => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Pending, null, Agent, T0.AddHours(1)).Ticket,
            TicketStatus.Resolved => TicketLifecycle.ChangeStatus(ticket, TicketStatus.Resolved, null, Agent, T0.AddHours(1)).Ticket,
            TicketStatus.Closed => TicketLifecycle.ChangeStatus(
                TicketLifecycle.ChangeStatus(ticket, TicketStatus.Resolved, null, Agent, T0.AddHours(1)).Ticket, TicketStatus.Closed, null, Agent, T0.AddHours(2)).Ticket,
            _ => Opened(),
        };
    }

    [Fact]
    public void Opening_records_a_public_created_event_numbered_one()
    {
        var change = TicketLifecycle.Open("IFP-1001", new NewTicket("S", "D", new Requester(null, "a@b.c"), null, TicketPriority.Low, null, TicketChannel.Api), "essentials", Agent, T0);

        var created = Assert.Single(change.Events);
        Assert.Equal(("000001", TicketEventKind.Created, EventVisibility.Public), (created.Id, created.Kind, created.Visibility));
        Assert.Equal(TicketStatus.New, change.Ticket.Status);
        Assert.Equal(1, change.Ticket.EventCount);
    }

    [Fact]
    public void Triage_opens_a_new_ticket_sets_priority_and_assignee_and_records_both()
    {
        var change = TicketLifecycle.Triage(Opened(), TicketPriority.Urgent, "sam@infoflopay.example", Agent, T0);

        Assert.Equal((TicketStatus.Open, TicketPriority.Urgent, "sam@infoflopay.example"), (change.Ticket.Status, change.Ticket.Priority, change.Ticket.Assignee));
        Assert.Equal([TicketEventKind.Triaged, TicketEventKind.Assigned], change.Events.Select(e => e.Kind));
        Assert.Equal(["000002", "000003"], change.Events.Select(e => e.Id));
        Assert.Equal(EventVisibility.Internal, change.Events[1].Visibility);
    }

    [Fact]
    public void Only_staff_triage()
    {
        var ex = Assert.Throws<RequestRejectedException>(() => TicketLifecycle.Triage(Opened(), TicketPriority.High, null, Owner, T0));

        Assert.Equal(Rejection.Forbidden, ex.Kind);
    }

    [Fact]
    public void The_first_public_staff_reply_sets_first_responded_and_a_later_one_keeps_it()
    {
        var note = TicketLifecycle.Reply(InStatus(TicketStatus.Open), "internal", isInternal: true, Agent, T0.AddMinutes(5)).Ticket;
        var first = TicketLifecycle.Reply(note, "hello", isInternal: false, Agent, T0.AddMinutes(10));
        var second = TicketLifecycle.Reply(first.Ticket, "again", isInternal: false, Agent, T0.AddMinutes(20)).Ticket;

        Assert.Null(note.FirstRespondedAt);
        Assert.Equal(T0.AddMinutes(10), first.Ticket.FirstRespondedAt);
        Assert.True(first.Events.Single().FirstResponse);
        Assert.Equal(T0.AddMinutes(10), second.FirstRespondedAt);
    }

    [Fact]
    public void A_customer_reply_does_not_count_as_a_first_response_and_customers_cannot_write_internal_notes()
    {
        var reply = TicketLifecycle.Reply(InStatus(TicketStatus.Open), "any news?", isInternal: false, Owner, T0).Ticket;

        Assert.Null(reply.FirstRespondedAt);
        Assert.Equal(Rejection.Forbidden, Assert.Throws<RequestRejectedException>(() => TicketLifecycle.Reply(reply, "x", isInternal: true, Owner, T0)).Kind);
    }

    [Theory]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Resolved)]
    public void A_customer_reply_reopens_a_pending_or_resolved_ticket(TicketStatus from)
    {
        var change = TicketLifecycle.Reply(InStatus(from), "still broken", isInternal: false, Owner, T0.AddHours(3));

        Assert.Equal(TicketStatus.Open, change.Ticket.Status);
        Assert.Equal([TicketEventKind.Reply, TicketEventKind.Status], change.Events.Select(e => e.Kind));
        Assert.Null(change.Ticket.ResolvedAt);
    }

    [Theory]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Resolved)]
    public void A_requesters_mail_kept_as_a_note_reopens_like_their_reply_and_is_recorded_as_theirs(TicketStatus from)
    {
        var change = TicketLifecycle.RequesterNote(InStatus(from), "Email from Alice: still broken", Caller.System("email intake"), T0.AddHours(3));

        Assert.Equal(TicketStatus.Open, change.Ticket.Status);
        Assert.Equal([TicketEventKind.Reply, TicketEventKind.Status], change.Events.Select(e => e.Kind));
        var note = change.Events[0];
        Assert.Equal((EventVisibility.Internal, "alice@acme.test", "customer"), (note.Visibility, note.Actor.Email, note.Actor.Role));
        Assert.Null(change.Ticket.FirstRespondedAt);
    }

    [Fact]
    public void Nobody_replies_to_a_closed_ticket()
    {
        Assert.Equal(Rejection.Conflict, Assert.Throws<RequestRejectedException>(() => TicketLifecycle.Reply(InStatus(TicketStatus.Closed), "x", false, Agent, T0)).Kind);
    }

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Open, true)]
    [InlineData(TicketStatus.New, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Open, TicketStatus.Pending, true)]
    [InlineData(TicketStatus.Open, TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed, false)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open, true)]
    [InlineData(TicketStatus.Pending, TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Open, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Pending, false)]
    [InlineData(TicketStatus.Closed, TicketStatus.Open, false)]
    public void Staff_make_exactly_the_moves_of_the_graph(TicketStatus from, TicketStatus to, bool allowed)
    {
        var ticket = InStatus(from);

        if (allowed)
        {
            Assert.Equal(to, TicketLifecycle.ChangeStatus(ticket, to, null, Agent, T0.AddHours(5)).Ticket.Status);
        }
        else
        {
            Assert.Equal(Rejection.Conflict, Assert.Throws<RequestRejectedException>(() => TicketLifecycle.ChangeStatus(ticket, to, null, Agent, T0.AddHours(5))).Kind);
        }
    }

    [Theory]
    [InlineData(TicketStatus.Resolved, TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Open, true)]
    [InlineData(TicketStatus.Open, TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Open, TicketStatus.Pending, false)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open, false)]
    public void The_owner_may_only_close_or_reopen_its_resolved_ticket(TicketStatus from, TicketStatus to, bool allowed)
    {
        var ticket = InStatus(from);

        if (allowed)
        {
            Assert.Equal(to, TicketLifecycle.ChangeStatus(ticket, to, null, Owner, T0.AddHours(5)).Ticket.Status);
        }
        else
        {
            Assert.Equal(Rejection.Forbidden, Assert.Throws<RequestRejectedException>(() => TicketLifecycle.ChangeStatus(ticket, to, null, Owner, T0.AddHours(5))).Kind);
        }
    }

    [Fact]
    public void Another_accounts_customer_may_not_close_a_resolved_ticket()
    {
        Assert.False(TicketPermissions.MayMove(OtherCustomer, InStatus(TicketStatus.Resolved), TicketStatus.Closed));
        Assert.False(TicketPermissions.MayRead(OtherCustomer, InStatus(TicketStatus.Resolved)));
        Assert.True(TicketPermissions.MayRead(Agent, InStatus(TicketStatus.Resolved)));
    }

    [Fact]
    public void Pending_opens_a_pause_that_leaving_pending_closes_and_reopening_is_remembered()
    {
        var pending = InStatus(TicketStatus.Pending);
        var open = TicketLifecycle.ChangeStatus(pending, TicketStatus.Open, null, Agent, T0.AddHours(4)).Ticket;
        var resolved = TicketLifecycle.ChangeStatus(open, TicketStatus.Resolved, null, Agent, T0.AddHours(5)).Ticket;
        var reopened = TicketLifecycle.ChangeStatus(resolved, TicketStatus.Open, "not fixed", Owner, T0.AddHours(6)).Ticket;

        Assert.Equal(new Domain.Sla.SlaPause(T0.AddHours(1), null), Assert.Single(pending.Pauses));
        Assert.Equal(new Domain.Sla.SlaPause(T0.AddHours(1), T0.AddHours(4)), Assert.Single(open.Pauses));
        Assert.Equal(T0.AddHours(5), resolved.ResolvedAt);
        Assert.Equal((T0.AddHours(6), (DateTimeOffset?)null), (reopened.ReopenedAt!.Value, reopened.ResolvedAt));
    }
}
