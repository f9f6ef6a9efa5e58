using InfoFloPay.Domain.Tickets;
using static InfoFloPay.UnitTests.Tickets.SlaTicketSteps;

namespace InfoFloPay.UnitTests.Tickets;

/// <summary>An essentials high ticket opened at 09:00 New York time: warned at 12:00, due at 13:00 (17:00 and 18:00 UTC).</summary>
public class SlaEscalationTests
{
    private static readonly DateTimeOffset WarningAt = Start.AddHours(3);
    private static readonly DateTimeOffset DueAt = Start.AddHours(4);

    private readonly SlaEscalation _escalation = new(Policy);

    [Fact]
    public void A_warning_that_fell_due_is_recorded_as_sent_and_the_checkpoint_moves_to_the_due_time()
    {
        var ticket = Open("high").Ticket;

        var change = _escalation.Escalate(ticket, WarningAt.AddMinutes(2));

        Assert.NotNull(change);
        var warning = Assert.Single(change.Events);
        Assert.Equal((TicketEventKind.SlaWarning, "first-response", DueAt, WarningAt.AddMinutes(2)), (warning.Kind, warning.Channel, warning.DueAt, warning.OccurredAt));
        Assert.Equal(["firstResponse:warning"], change.Ticket.SentSlaNotices);
        Assert.Equal(DueAt, change.Ticket.Sla.NextCheckpointAt);
        Assert.Equal(ticket.EventCount + 1, change.Ticket.EventCount);
    }

    [Fact]
    public void A_ticket_whose_notices_were_sent_needs_nothing_stored()
    {
        var warned = _escalation.Escalate(Open("high").Ticket, WarningAt.AddMinutes(2))!.Ticket;

        Assert.Null(_escalation.Escalate(warned, WarningAt.AddMinutes(30)));
    }

    [Fact]
    public void A_sweep_that_first_sees_the_ticket_after_its_due_time_sends_only_the_breach_and_records_it()
    {
        var change = _escalation.Escalate(Open("high").Ticket, DueAt.AddMinutes(7));

        Assert.NotNull(change);
        Assert.Equal([TicketEventKind.SlaBreached], change.Events.Select(e => e.Kind));
        Assert.Equal(["firstResponse:breach"], change.Ticket.SentSlaNotices);
        Assert.Null(change.Ticket.Sla.NextCheckpointAt);
        Assert.Equal(DueAt, Assert.Single(change.Ticket.Sla.Breaches).At);
    }

    [Fact]
    public void A_closed_ticket_is_never_escalated()
    {
        var ticket = Open("high").Ticket with { Status = TicketStatus.Closed, ClosedAt = Start.AddMinutes(5), ResolvedAt = Start.AddMinutes(5) };

        var change = _escalation.Escalate(ticket with { Sla = Policy.Evaluate(ticket, Start.AddMinutes(5)) }, DueAt.AddHours(1));

        Assert.Null(change);
    }
}
