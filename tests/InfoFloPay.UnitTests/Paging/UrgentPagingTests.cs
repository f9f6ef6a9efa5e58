using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using static InfoFloPay.UnitTests.Tickets.SlaTicketSteps;

namespace InfoFloPay.UnitTests.Paging;

public class UrgentPagingTests
{
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(15);

    private static readonly PagingPlan Plan = new(Within, ["olivia.pager@infoflopay.example"],
        [["deputy@infoflopay.example"], ["https://events.pagerduty.example/v2/enqueue", "cto@infoflopay.example"]]);

    private static readonly IReadOnlyList<string> Team = ["ava.agent@infoflopay.example", "ben.agent@infoflopay.example"];

    private static readonly Caller Customer = Caller.Customer("cara@acme.example", "Cara", "acme");

    private static Ticket PagedTicket() => UrgentPaging.Record(null, Open("urgent"), Start, Plan).Ticket;

    private static TicketChange Step(Ticket ticket, Func<Ticket, DateTimeOffset, TicketChange> change, DateTimeOffset now) =>
        UrgentPaging.Record(ticket, Then(ticket, change, now), now, Plan);

    [Fact]
    public void An_urgent_ticket_is_paged_on_opening_and_escalates_after_the_acknowledgement_window()
    {
        var change = UrgentPaging.Record(null, Open("urgent"), Start, Plan);

        var paged = Assert.Single(change.Events, e => e.Kind == TicketEventKind.Paged);
        Assert.Equal(Plan.FirstTargets, paged.Recipients);
        Assert.Equal(new TicketPaging { PageId = "000001", PagedAt = Start, NextEscalationAt = Start + Within }, change.Ticket.Paging);
        Assert.Equal(change.Events.Count, change.Ticket.EventCount);
    }

    [Fact]
    public void A_ticket_that_is_not_urgent_is_not_paged()
    {
        var change = UrgentPaging.Record(null, Open("high"), Start, Plan);

        Assert.Null(change.Ticket.Paging);
        Assert.DoesNotContain(change.Events, e => e.Kind == TicketEventKind.Paged);
    }

    [Fact]
    public void A_triage_to_urgent_pages_with_the_triage_as_the_page()
    {
        var high = UrgentPaging.Record(null, Open("high"), Start, Plan).Ticket;

        var triaged = Step(high, (t, now) => TicketLifecycle.Triage(t, TicketPriority.Urgent, null, Agent, now), Start.AddMinutes(5));

        var triage = Assert.Single(triaged.Events, e => e.Kind == TicketEventKind.Triaged);
        Assert.Equal(triage.Id, triaged.Ticket.Paging?.PageId);
        Assert.Equal(Start.AddMinutes(20), triaged.Ticket.Paging?.NextEscalationAt);
    }

    [Fact]
    public void Each_step_is_paged_once_in_order_then_the_whole_team_and_then_nothing_more()
    {
        var ticket = PagedTicket();
        Assert.Null(UrgentPaging.Escalate(ticket, Start + Within - TimeSpan.FromSeconds(1), Plan, Team));

        var steps = new List<(int Step, IReadOnlyList<string>? To)>();
        var now = Start + Within;
        while (UrgentPaging.Escalate(ticket, now, Plan, Team) is { } escalated)
        {
            // Asked again at the same instant (a redelivered message, an overlapping sweep): nothing more is due.
            Assert.Null(UrgentPaging.Escalate(escalated.Ticket, now, Plan, Team));
            var e = Assert.Single(escalated.Events);
            Assert.Equal(TicketEventKind.Escalated, e.Kind);
            steps.Add((escalated.Ticket.Paging!.EscalationStep, e.Recipients));
            ticket = escalated.Ticket;
            now += Within;
        }

        Assert.Equal([(1, Plan.Steps[0]), (2, Plan.Steps[1]), (3, Team)], steps);
        Assert.Null(ticket.Paging!.NextEscalationAt);
        Assert.Null(UrgentPaging.Escalate(ticket, now + TimeSpan.FromDays(1), Plan, Team));
    }

    [Fact]
    public void Acknowledged_before_the_window_ends_nothing_escalates_and_acknowledging_again_changes_nothing()
    {
        var agent = new EventActor(Agent.Email, Agent.Name, "agent");
        var acknowledged = UrgentPaging.Acknowledge(PagedTicket(), agent, AcknowledgedVia.Console, Start.AddMinutes(3));

        var e = Assert.Single(acknowledged.Events);
        Assert.Equal((TicketEventKind.Acknowledged, "console", Agent.Email), (e.Kind, e.Channel, e.Actor.Email));
        Assert.Equal((Start.AddMinutes(3), Agent.Email, (DateTimeOffset?)null),
            (acknowledged.Ticket.Paging!.AcknowledgedAt, acknowledged.Ticket.Paging.AcknowledgedBy, acknowledged.Ticket.Paging.NextEscalationAt));
        Assert.Null(UrgentPaging.Escalate(acknowledged.Ticket, Start + Within, Plan, Team));
        Assert.Empty(UrgentPaging.Acknowledge(acknowledged.Ticket, agent, AcknowledgedVia.Link, Start.AddMinutes(4)).Events);
    }

    [Fact]
    public void A_staff_public_reply_acknowledges_but_an_internal_note_or_a_customer_reply_does_not()
    {
        var ticket = PagedTicket();

        var note = Step(ticket, (t, now) => TicketLifecycle.Reply(t, "Looking", isInternal: true, Agent, now), Start.AddMinutes(1));
        Assert.False(note.Ticket.Paging!.IsAcknowledged);
        var customer = Step(ticket, (t, now) => TicketLifecycle.Reply(t, "Any news?", isInternal: false, Customer, now), Start.AddMinutes(1));
        Assert.False(customer.Ticket.Paging!.IsAcknowledged);

        var reply = Step(ticket, (t, now) => TicketLifecycle.Reply(t, "On it.", isInternal: false, Agent, now), Start.AddMinutes(2));
        var acknowledged = Assert.Single(reply.Events, e => e.Kind == TicketEventKind.Acknowledged);
        Assert.Equal(("reply", Agent.Email), (acknowledged.Channel, acknowledged.Actor.Email));
        Assert.Equal(Agent.Email, reply.Ticket.Paging!.AcknowledgedBy);
        Assert.Null(UrgentPaging.Escalate(reply.Ticket, Start + Within, Plan, Team));
    }

    [Fact]
    public void A_ticket_never_paged_cannot_be_acknowledged() =>
        Assert.Throws<InfoFloPay.Domain.RequestRejectedException>(() =>
            UrgentPaging.Acknowledge(Open("high").Ticket, new EventActor(Agent.Email, null, "agent"), AcknowledgedVia.Console, Start));

    [Fact]
    public void A_ticket_resolved_unacknowledged_stops_escalating()
    {
        var open = Step(PagedTicket(), (t, now) => TicketLifecycle.ChangeStatus(t, TicketStatus.Open, null, Agent, now), Start.AddMinutes(4)).Ticket;
        var resolved = Step(open, (t, now) => TicketLifecycle.ChangeStatus(t, TicketStatus.Resolved, null, Agent, now), Start.AddMinutes(5));

        Assert.Null(resolved.Ticket.Paging!.NextEscalationAt);
        Assert.Null(UrgentPaging.Escalate(resolved.Ticket, Start + Within, Plan, Team));
    }

    [Fact]
    public void Settings_change_a_longer_window_after_a_restart_moves_the_pending_step_later_and_it_is_paged_once_there()
    {
        var ticket = PagedTicket();
        var longer = Plan with { AcknowledgeWithin = TimeSpan.FromMinutes(40) };

        // The message for the old instant arrives at Start + 15 min; the settings now say Start + 40 min.
        var moved = UrgentPaging.Escalate(ticket, Start + Within, longer, Team)!;
        var e = Assert.Single(moved.Events);
        Assert.Equal((TicketEventKind.EscalationRescheduled, EventVisibility.Internal, Start.AddMinutes(40)), (e.Kind, e.Visibility, e.DueAt));
        Assert.Equal((0, Start.AddMinutes(40)), (moved.Ticket.Paging!.EscalationStep, moved.Ticket.Paging.NextEscalationAt));
        Assert.Null(UrgentPaging.Escalate(moved.Ticket, Start.AddMinutes(39), longer, Team));

        var step1 = UrgentPaging.Escalate(moved.Ticket, Start.AddMinutes(40), longer, Team)!;
        Assert.Equal(TicketEventKind.Escalated, Assert.Single(step1.Events).Kind);
        Assert.Equal((1, Start.AddMinutes(40), Start.AddMinutes(80)), (step1.Ticket.Paging!.EscalationStep, step1.Ticket.Paging.EscalatedAt, step1.Ticket.Paging.NextEscalationAt));
        Assert.Null(UrgentPaging.Escalate(step1.Ticket, Start.AddMinutes(40), longer, Team));
    }

    [Fact]
    public void Settings_change_a_shorter_window_or_fewer_steps_pages_what_the_settings_say_now_when_the_ticket_is_next_looked_at()
    {
        var step1 = UrgentPaging.Escalate(PagedTicket(), Start + Within, Plan, Team)!.Ticket;
        var shorter = new PagingPlan(TimeSpan.FromMinutes(5), Plan.FirstTargets, [Plan.Steps[0]]);

        // Stored for Start + 30 min; five minutes after step 1 it is due, and with one step left in the settings the
        // next page is the whole team's.
        var escalated = UrgentPaging.Escalate(step1, Start + Within + TimeSpan.FromMinutes(5), shorter, Team)!;
        var e = Assert.Single(escalated.Events);
        Assert.Equal((TicketEventKind.Escalated, Start.AddMinutes(20)), (e.Kind, e.DueAt));
        Assert.Equal(Team, e.Recipients);
        Assert.Null(escalated.Ticket.Paging!.NextEscalationAt);
    }
}
