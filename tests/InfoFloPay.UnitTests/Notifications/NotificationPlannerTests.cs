using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;
using static InfoFloPay.UnitTests.Notifications.HelpdeskEvents;

namespace InfoFloPay.UnitTests.Notifications;

public class NotificationPlannerTests
{
    private readonly NotificationPlanner _planner = new(Options.Create(Roster()));

    private static IEnumerable<(NotificationKind Kind, string To)> Emails(IEnumerable<NotificationDelivery> plan) =>
        plan.OfType<EmailDelivery>().Select(email => (email.Model.Kind, email.To.Address));

    [Fact]
    public void A_new_ticket_acknowledges_the_requester()
    {
        var plan = _planner.Plan(Create(HelpdeskEventTypes.TicketCreated, new TicketCreatedData("Payouts failing", Customer, "medium", "portal")));

        Assert.Equal([(NotificationKind.Acknowledgement, Customer.Email)], Emails(plan));
    }

    [Fact]
    public void Mail_held_for_review_is_not_acknowledged_since_its_sender_may_be_forged()
    {
        var held = new TicketCreatedData("Re: [IFP-7] Payouts", new PersonRef("ava@infoflopay.example"), "medium", "email", Category: EmailIntake.UnverifiedSenderCategory);
        var unknown = held with { Requester = Customer, Category = EmailIntake.UnknownSenderCategory };

        Assert.Empty(_planner.Plan(Create(HelpdeskEventTypes.TicketCreated, held)));
        Assert.Equal([(NotificationKind.Acknowledgement, Customer.Email)], Emails(_planner.Plan(Create(HelpdeskEventTypes.TicketCreated, unknown))));
    }

    [Fact]
    public void An_assignment_emails_the_assignee_only()
    {
        var plan = _planner.Plan(Assigned("high"));

        Assert.Equal([(NotificationKind.Assigned, Ava.Email)], Emails(plan));
        Assert.Empty(plan.OfType<PageDelivery>());
    }

    [Fact]
    public void An_urgent_ticket_pages_the_operations_manager_and_mobilizes_every_other_agent_one_delivery_each()
    {
        var plan = _planner.Plan(Assigned("urgent"));

        var page = Assert.Single(plan.OfType<PageDelivery>()).Page;
        Assert.Equal("https://events.pagerduty.example/v2/enqueue", page.Target);
        Assert.Equal("IFP-1042", page.DedupKey);
        Assert.Equal(
            [(NotificationKind.Assigned, Ava.Email), (NotificationKind.UrgentMobilization, "ben@infoflopay.example"),
             (NotificationKind.UrgentMobilization, "cleo@infoflopay.example")],
            Emails(plan));
        Assert.Equal(plan.Count, plan.Select(delivery => delivery.Key).Distinct().Count());
    }

    [Fact]
    public void A_re_triage_that_keeps_the_assignee_emails_nobody()
    {
        var plan = _planner.Plan(Create(HelpdeskEventTypes.TicketAssigned,
            new TicketAssignedData("Payouts failing", Customer, Ava, "high", "Every payout returns 502.", BecameUrgent: false, AssigneeChanged: false)));

        Assert.Empty(plan);
    }

    [Fact]
    public void A_ticket_that_becomes_urgent_under_the_same_assignee_tells_them_it_is_urgent_and_mobilizes_the_rest()
    {
        var plan = _planner.Plan(Create(HelpdeskEventTypes.TicketAssigned,
            new TicketAssignedData("Payouts failing", Customer, Ava, "urgent", "Every payout returns 502.", BecameUrgent: true, AssigneeChanged: false)));

        Assert.Single(plan.OfType<PageDelivery>());
        Assert.Equal(
            [(NotificationKind.UrgentMobilization, Ava.Email), (NotificationKind.UrgentMobilization, "ben@infoflopay.example"),
             (NotificationKind.UrgentMobilization, "cleo@infoflopay.example")],
            Emails(plan));
    }

    [Fact]
    public void An_assignment_published_before_assigneeChanged_existed_still_emails_the_assignee()
    {
        var old = Create(HelpdeskEventTypes.TicketAssigned,
            new { subject = "Payouts failing", requester = Customer, assignee = Ava, priority = "high", becameUrgent = false });

        Assert.Equal([(NotificationKind.Assigned, Ava.Email)], Emails(_planner.Plan(old)));
    }

    [Fact]
    public void Without_a_pager_target_the_operations_manager_is_paged_at_their_address()
    {
        var planner = new NotificationPlanner(Options.Create(Roster(pager: null)));

        var page = Assert.Single(planner.Plan(Assigned("urgent")).OfType<PageDelivery>()).Page;

        Assert.Equal("olivia@infoflopay.example", page.Target);
    }

    [Fact]
    public void A_staff_reply_emails_the_customer_and_a_customer_reply_emails_the_assignee()
    {
        var staff = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Ava, Ava, ReplyAuthorRole.Staff, "Fixed the gateway.")));
        var customer = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Ava, Customer, ReplyAuthorRole.Customer, "Still failing.")));

        Assert.Equal([(NotificationKind.StaffReply, Customer.Email)], Emails(staff));
        Assert.Equal([(NotificationKind.CustomerReply, Ava.Email)], Emails(customer));
        Assert.Equal("Still failing.", customer.OfType<EmailDelivery>().Single().Model.Body);
    }

    [Fact]
    public void Nobody_is_emailed_about_their_own_reply_whatever_the_case_of_their_address()
    {
        // The Operations Manager replying on a monitoring incident they are the requester of.
        var olivia = new PersonRef("olivia@infoflopay.example", "Olivia Ops");
        var ownIncident = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Checkout down", olivia, Ava, new PersonRef("Olivia@InfoFloPay.example"), ReplyAuthorRole.Staff, "Failover started.")));
        // A customer reply written by the very person the ticket is assigned to.
        var ownAssignment = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Customer, Customer with { Email = "CARA@customer.example" }, ReplyAuthorRole.Customer, "Still failing.")));
        var someoneElse = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Checkout down", olivia, Ava, Ava, ReplyAuthorRole.Staff, "Failover done.")));

        Assert.Empty(ownIncident);
        Assert.Empty(ownAssignment);
        Assert.Equal([(NotificationKind.StaffReply, olivia.Email)], Emails(someoneElse));
    }

    [Fact]
    public void A_customer_reply_on_an_unassigned_ticket_notifies_nobody()
    {
        var plan = _planner.Plan(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, null, Customer, ReplyAuthorRole.Customer, "Hello?")));

        Assert.Empty(plan);
    }

    [Fact]
    public void A_resolution_emails_the_customer()
    {
        var plan = _planner.Plan(Create(HelpdeskEventTypes.TicketResolved, new TicketResolvedData("Payouts failing", Customer, "Gateway restarted.")));

        Assert.Equal([(NotificationKind.Resolved, Customer.Email)], Emails(plan));
    }

    [Theory]
    [InlineData(HelpdeskEventTypes.SlaWarning, NotificationKind.SlaWarning)]
    [InlineData(HelpdeskEventTypes.SlaBreached, NotificationKind.SlaBreach)]
    public void Sla_alerts_go_to_the_assignee_and_the_operations_manager(string type, NotificationKind kind)
    {
        var plan = _planner.Plan(Create(type,
            new SlaAlertData("Payouts failing", Ava, "firstResponse", DateTimeOffset.Parse("2026-11-26T15:00:00Z"), "high")));

        Assert.Equal([(kind, Ava.Email), (kind, "olivia@infoflopay.example")], Emails(plan));
        Assert.Equal("Thursday, November 26, 10:00 AM ET", plan.OfType<EmailDelivery>().First().Model.DueAt);
    }

    [Theory]
    [InlineData(HelpdeskEventTypes.SlaWarning, NotificationKind.SlaWarning)]
    [InlineData(HelpdeskEventTypes.SlaBreached, NotificationKind.SlaBreach)]
    public void Sla_alerts_about_an_unassigned_ticket_go_to_the_whole_team_once_each(string type, NotificationKind kind)
    {
        var plan = _planner.Plan(Create(type,
            new SlaAlertData("Payouts failing", null, "firstResponse", DateTimeOffset.Parse("2026-11-26T15:00:00Z"), "high")));

        var team = Roster().Agents.Select(agent => agent.Email).Append("olivia@infoflopay.example");
        Assert.Equal(team.Order().Select(to => (kind, to)), Emails(plan).OrderBy(email => email.To));
        Assert.All(plan.OfType<EmailDelivery>(), email => Assert.Null(email.Model.AssigneeEmail));
    }

    [Fact]
    public void Event_types_without_notifications_plan_nothing()
    {
        Assert.Empty(_planner.Plan(Create("ticket.status", new { status = "pending" })));
    }

    [Fact]
    public void An_unknown_version_is_refused_rather_than_misread()
    {
        var future = Create(HelpdeskEventTypes.TicketCreated, new { title = "v2 shape" }, version: 2);

        Assert.Throws<NotSupportedException>(() => _planner.Plan(future));
    }

    [Fact]
    public void Delivery_keys_derive_from_the_event_so_a_redelivery_has_the_same_keys()
    {
        var first = _planner.Plan(Assigned("urgent")).Select(delivery => delivery.Key);
        var again = _planner.Plan(Assigned("urgent")).Select(delivery => delivery.Key);

        Assert.Equal(first, again);
        Assert.All(first, key => Assert.StartsWith("IFP-1042/evt-1/", key));
    }
}
