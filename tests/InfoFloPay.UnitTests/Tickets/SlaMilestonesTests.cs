using InfoFloPay.Domain.Tickets;
using static InfoFloPay.UnitTests.Tickets.SlaTicketSteps;

namespace InfoFloPay.UnitTests.Tickets;

public class SlaMilestonesTests
{
    [Fact]
    public void Opening_a_ticket_records_the_targets_applied_after_its_own_events()
    {
        var opened = Open("medium");

        Assert.Equal([TicketEventKind.Created, TicketEventKind.SlaApplied], opened.Events.Select(e => e.Kind));
        var applied = opened.Events[1];
        Assert.Equal(("000002", EventVisibility.Internal, 2), (applied.Id, applied.Visibility, opened.Ticket.EventCount));
        Assert.Equal(opened.Ticket.Sla.FirstResponseDueAt, applied.DueAt);
        // 24 and 48 business hours from Tuesday 09:00 New York, Thanksgiving (Thursday) off: Friday 15:00 and Wednesday 12:00.
        Assert.Equal("essentials medium: first response due 2026-11-27 20:00 UTC, resolution due 2026-12-02 17:00 UTC", applied.Note);
    }

    [Fact]
    public void A_priority_change_applies_the_new_targets_and_a_triage_that_keeps_the_priority_applies_nothing()
    {
        var ticket = Open("medium").Ticket;

        var same = Then(ticket, (t, now) => TicketLifecycle.Triage(t, TicketPriority.Medium, Agent.Email, Agent, now), Start.AddMinutes(5));
        var raised = Then(same.Ticket, (t, now) => TicketLifecycle.Triage(t, TicketPriority.High, Agent.Email, Agent, now), Start.AddMinutes(10));

        Assert.DoesNotContain(same.Events, e => e.Kind == TicketEventKind.SlaApplied);
        var applied = Assert.Single(raised.Events, e => e.Kind == TicketEventKind.SlaApplied);
        Assert.Equal(Start.AddHours(4), applied.DueAt);
    }

    [Fact]
    public void The_first_public_reply_by_the_due_time_meets_the_first_response_target_and_an_internal_note_does_not()
    {
        var ticket = Open("high").Ticket;

        var note = Then(ticket, (t, now) => TicketLifecycle.Reply(t, "checking logs", isInternal: true, Agent, now), Start.AddHours(1));
        var reply = Then(note.Ticket, (t, now) => TicketLifecycle.Reply(t, "We are on it.", isInternal: false, Agent, now), Start.AddHours(2));
        var another = Then(reply.Ticket, (t, now) => TicketLifecycle.Reply(t, "Still on it.", isInternal: false, Agent, now), Start.AddHours(3));

        Assert.DoesNotContain(note.Events, e => e.Kind == TicketEventKind.SlaMet);
        var met = Assert.Single(reply.Events, e => e.Kind == TicketEventKind.SlaMet);
        Assert.Equal(("first-response", Start.AddHours(4)), (met.Channel, met.DueAt));
        Assert.DoesNotContain(another.Events, e => e.Kind == TicketEventKind.SlaMet);
    }

    [Fact]
    public void A_reply_after_the_due_time_meets_nothing()
    {
        var ticket = Open("high").Ticket;

        var late = Then(ticket, (t, now) => TicketLifecycle.Reply(t, "Sorry for the wait.", isInternal: false, Agent, now), Start.AddHours(5));

        Assert.DoesNotContain(late.Events, e => e.Kind == TicketEventKind.SlaMet);
        Assert.Single(late.Ticket.Sla.Breaches);
    }

    [Fact]
    public void Resolving_by_the_resolution_due_time_meets_the_resolution_target()
    {
        var ticket = Open("medium").Ticket;
        ticket = Then(ticket, (t, now) => TicketLifecycle.Triage(t, TicketPriority.Medium, Agent.Email, Agent, now), Start.AddMinutes(5)).Ticket;

        var resolved = Then(ticket, (t, now) => TicketLifecycle.ChangeStatus(t, TicketStatus.Resolved, "fixed", Agent, now), Start.AddHours(6));

        var met = Assert.Single(resolved.Events, e => e.Kind == TicketEventKind.SlaMet);
        Assert.Equal("resolution", met.Channel);
    }

    [Fact]
    public void Without_due_times_nothing_is_recorded()
    {
        var draft = TicketRules.Validate(new NewTicketRequest("Payouts failing", "502", null, null, "high", null), Agent, TicketChannel.Api);
        var opened = TicketLifecycle.Open("IFP-1", draft, "essentials", Agent, Start);

        Assert.Same(opened, SlaMilestones.Record(before: null, opened, Start));
    }
}
