using InfoFloPay.Domain.Sla;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.UnitTests.Tickets;

/// <summary>The ticket says which calendar its SLA targets are counted in, so the console can say "business hours"
/// without doing business-time arithmetic of its own.</summary>
public class TicketSlaCalendarTests
{
    [Theory]
    [InlineData("urgent", SlaCalendarKind.RoundTheClock, "24x7")]
    [InlineData("high", SlaCalendarKind.Business, "business")]
    [InlineData("medium", SlaCalendarKind.Business, "business")]
    public void The_policy_rows_calendar_is_on_the_ticket_and_in_its_response(string priority, SlaCalendarKind calendar, string wire)
    {
        var ticket = SlaTicketSteps.Open(priority).Ticket;

        Assert.Equal(calendar, ticket.Sla.Calendar);
        Assert.Equal(wire, TicketResponse.From(ticket).Sla.Calendar);
    }

    [Fact]
    public void A_ticket_evaluated_before_the_calendar_was_recorded_says_nothing_rather_than_guessing()
    {
        var ticket = SlaTicketSteps.Open("medium").Ticket;

        Assert.Null(TicketResponse.From(ticket with { Sla = ticket.Sla with { Calendar = null } }).Sla.Calendar);
    }
}
