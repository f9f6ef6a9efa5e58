using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.UnitTests.Tickets;

/// <summary>Which index a combined list reads: the documented order SLA standing → assignee → account → priority → status.</summary>
public sealed class TicketListPlanTests
{
    private static TicketListQuery Query(TicketListStatus status = TicketListStatus.Open, string? assignee = null, string? customer = null, TicketPriority? priority = null, TicketSlaStanding sla = TicketSlaStanding.None) =>
        new(customer, status, assignee, priority, null, 25, null) { Sla = sla };

    [Theory]
    [InlineData("bob@x.test", "acme", TicketSlaStanding.Breached, "sla", "breach|")]
    [InlineData("bob@x.test", "acme", TicketSlaStanding.None, "assignee", "asg|bob@x.test|open|")]
    [InlineData(null, "acme", TicketSlaStanding.Breached, "sla", "breach|")]
    [InlineData(null, "acme", TicketSlaStanding.None, "account", "cust|acme|open|")]
    [InlineData(null, null, TicketSlaStanding.None, "priority", "pri|high|open|")]
    public void The_most_selective_index_is_read_and_the_other_filters_are_applied_to_it(string? assignee, string? customer, TicketSlaStanding sla, string index, string from)
    {
        var plan = TicketListPlan.For(Query(assignee: assignee, customer: customer, priority: TicketPriority.High, sla: sla));

        Assert.Equal(index, plan.Index);
        Assert.Equal(from, plan.From);
        Assert.Equal(index != "priority", plan.Filter.Contains("Priority eq 'high'", StringComparison.Ordinal));
    }

    [Fact]
    public void One_status_alone_is_its_own_range_and_inside_another_index_a_filter()
    {
        var alone = TicketListPlan.For(Query(TicketListStatus.Pending));
        var mine = TicketListPlan.For(Query(TicketListStatus.Pending, assignee: ""));

        Assert.Equal("st|pending|", alone.From);
        Assert.Null(alone.ColumnFilter);
        Assert.Equal("asg|-|open|", mine.From);
        Assert.Equal("(Status eq 'pending')", mine.ColumnFilter);
    }
}
