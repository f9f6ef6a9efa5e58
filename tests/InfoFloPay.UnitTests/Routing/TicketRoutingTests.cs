using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.UnitTests.Routing;

public class TicketRoutingTests
{
    private static readonly Caller Router = Caller.System("routing");
    private static readonly DateTimeOffset Now = RoutingArbitraries.Start;

    private static Ticket NewTicket(TicketPriority priority = TicketPriority.Medium) => TicketLifecycle.Open(
        "IFP-1001",
        new NewTicket("Refund stuck", "R-77 pending", new Requester("Carol", "carol@acme.test"), "acme", priority, "billing", TicketChannel.Portal),
        "vip", Caller.Customer("carol@acme.test", "Carol", "acme"), Now).Ticket;

    private static RoutingCandidate Agent(string name, int open = 0, AgentAvailability availability = AgentAvailability.Available,
        string[]? skills = null, string[]? accounts = null, int? lastTurnMinutesAgo = null) =>
        new($"{name}@infoflopay.example", availability, skills ?? [], accounts ?? [], open,
            lastTurnMinutesAgo is { } minutes ? Now.AddMinutes(-minutes) : null);

    [Fact]
    public void A_suggestion_leaves_the_ticket_new_and_unassigned_in_the_triage_queue_and_says_why()
    {
        var ticket = NewTicket();

        var change = TicketRouting.Suggest(ticket, new RoutingChoice("ben@infoflopay.example", "fewest open tickets (0)"), Router, Now);

        Assert.Equal(TicketStatus.New, change.Ticket.Status);
        Assert.Null(change.Ticket.Assignee);
        Assert.Equal("ben@infoflopay.example", change.Ticket.SuggestedAssignee);
        var routed = Assert.Single(change.Events);
        Assert.Equal(TicketEventKind.Routed, routed.Kind);
        Assert.Equal(EventVisibility.Internal, routed.Visibility);
        Assert.Equal("suggest", routed.Channel);
        Assert.Equal("Suggested ben@infoflopay.example: fewest open tickets (0).", routed.Note);
        Assert.Equal(ticket.EventCount + 1, change.Ticket.EventCount);
    }

    [Fact]
    public void An_automatic_assignment_is_the_triage_a_person_would_make_followed_by_why()
    {
        var ticket = NewTicket(TicketPriority.High);

        var change = TicketRouting.Assign(ticket, new RoutingChoice("ben@infoflopay.example", "skill 'billing' matches the category"), Router, Now);

        Assert.Equal(TicketStatus.Open, change.Ticket.Status);
        Assert.Equal(TicketPriority.High, change.Ticket.Priority);
        Assert.Equal("ben@infoflopay.example", change.Ticket.Assignee);
        Assert.Equal([TicketEventKind.Triaged, TicketEventKind.Assigned, TicketEventKind.Routed], change.Events.Select(e => e.Kind));
        Assert.Equal(change.Events.Select((_, i) => (ticket.EventCount + i + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), change.Events.Select(e => e.Id));
        Assert.Equal("auto", change.Events[^1].Channel);
        Assert.Equal("Assigned to ben@infoflopay.example: skill 'billing' matches the category.", change.Events[^1].Note);
    }

    [Fact]
    public void Routing_again_names_the_agent_who_went_away()
    {
        var held = TicketLifecycle.Triage(NewTicket(), TicketPriority.Medium, "ava@infoflopay.example", Caller.System("test"), Now).Ticket;

        var change = TicketRouting.Reroute(held, "ava@infoflopay.example", new RoutingChoice("ben@infoflopay.example", "fewest open tickets (1)"), RoutingMode.Auto, Router, Now);

        Assert.Equal("ben@infoflopay.example", change.Ticket.Assignee);
        Assert.Equal("Assigned to ben@infoflopay.example: ava@infoflopay.example is away; fewest open tickets (1).", change.Events[^1].Note);
    }

    [Fact]
    public void The_reason_names_each_rule_that_decided()
    {
        var team = new[]
        {
            Agent("ava", open: 3, accounts: ["acme"], skills: ["billing"]),
            Agent("ben", open: 1, accounts: ["acme"], skills: ["billing"], lastTurnMinutesAgo: 5),
            Agent("cleo", open: 1, accounts: ["acme"], skills: ["billing"], lastTurnMinutesAgo: 50),
            Agent("dan", open: 0, skills: ["billing"]),
            Agent("eve", open: 0, accounts: ["acme"], availability: AgentAvailability.Away),
        };

        var choice = AssigneeChooser.Choose(RoutingSubject.Of(NewTicket()), team);

        Assert.Equal("cleo@infoflopay.example", choice!.Email);
        Assert.Equal(
            "named for account acme; skill 'billing' matches the category; fewest open tickets (1), tie broken in turn (longest since their last ticket)",
            choice.Reason);
    }

    [Fact]
    public void With_nobody_available_non_urgent_work_is_left_for_a_person_and_urgent_work_still_gets_an_owner()
    {
        var team = new[] { Agent("ava", open: 2, availability: AgentAvailability.Away), Agent("ben", open: 1, availability: AgentAvailability.Away) };

        Assert.Null(AssigneeChooser.Choose(RoutingSubject.Of(NewTicket()), team));
        var urgent = AssigneeChooser.Choose(RoutingSubject.Of(NewTicket(TicketPriority.Urgent)), team);
        Assert.Equal("ben@infoflopay.example", urgent!.Email);
        Assert.StartsWith("nobody is available, and urgent work goes to the whole team", urgent.Reason, StringComparison.Ordinal);
        Assert.Null(AssigneeChooser.Choose(RoutingSubject.Of(NewTicket(TicketPriority.Urgent)), team, excluding: "ava@infoflopay.example", awayForUrgent: false));
    }

    [Fact]
    public void A_category_is_matched_to_skills_whatever_its_case_and_spacing()
    {
        var team = new[] { Agent("ava"), Agent("ben", open: 4, skills: ["payouts"]) };

        var choice = AssigneeChooser.Choose(new RoutingSubject(null, " Payouts ", TicketPriority.Low), team);

        Assert.Equal("ben@infoflopay.example", choice!.Email);
    }
}
