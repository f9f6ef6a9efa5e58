using InfoFloPay.Domain.Sla;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static InfoFloPay.UnitTests.Notifications.HelpdeskEvents;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Notifications;

/// <summary>What a recipient reads: each event planned and composed as the dispatcher does, then the rendered mail checked.</summary>
public class EmailContentTests
{
    private const string BaseUrl = "https://help.infoflopay.example";

    /// <summary>Reserve high is 4 business hours and Reserve urgent 45 minutes round the clock; every other row 8 business hours.</summary>
    private static readonly SlaPolicy Policy = new(
        NewYorkCalendar,
        SlaPolicy.AllRows().ToDictionary(
            row => row,
            row => row switch
            {
                (SlaTier.Reserve, SlaPriority.High) => new SlaTargets(TimeSpan.FromHours(4), null, SlaCalendarKind.Business, TimeSpan.FromHours(1)),
                (SlaTier.Reserve, SlaPriority.Urgent) => new SlaTargets(TimeSpan.FromMinutes(45), null, SlaCalendarKind.RoundTheClock, TimeSpan.FromMinutes(10)),
                _ => new SlaTargets(TimeSpan.FromHours(8), null, SlaCalendarKind.Business, TimeSpan.FromHours(1)),
            }));

    private readonly FakeTimeProvider _clock = new(NewYorkTime(2026, 12, 7, 16, 30));
    private readonly EmailComposer _composer;
    private readonly NotificationPlanner _planner;

    public EmailContentTests()
    {
        var roster = Options.Create(Roster());
        _composer = new EmailComposer(new NotificationTemplates(), roster, new TicketLinks(Options.Create(new DeskLinkOptions { PublicBaseUrl = BaseUrl })));
        _planner = new NotificationPlanner(roster, team: null, new SlaWording(Policy, _clock));
    }

    [Theory]
    [MemberData(nameof(CustomerEvents))]
    public async Task Customer_mail_links_to_the_ticket_in_the_portal_in_both_parts(string type, object data)
    {
        var email = Assert.Single(await ComposeAsync(Create(type, data)));

        Assert.Contains($"{BaseUrl}/api/portal/#ticket/IFP-1042", email.PlainText);
        Assert.Contains($"href=\"{BaseUrl}/api/portal/#ticket/IFP-1042\"", email.Html);
        Assert.DoesNotContain("/api/console/", email.PlainText + email.Html);
    }

    public static TheoryData<string, object> CustomerEvents() => new()
    {
        { HelpdeskEventTypes.TicketCreated, new TicketCreatedData("Payouts failing", Customer, "medium", "portal") },
        { HelpdeskEventTypes.TicketReplied, new TicketRepliedData("Payouts failing", Customer, Ava, Ava, ReplyAuthorRole.Staff, "Fixed.") },
        { HelpdeskEventTypes.TicketResolved, new TicketResolvedData("Payouts failing", Customer, "Restarted the worker.") },
    };

    [Theory]
    [MemberData(nameof(StaffEvents))]
    public async Task Staff_mail_links_to_the_ticket_in_the_console_in_both_parts(string type, object data)
    {
        var emails = await ComposeAsync(Create(type, data));

        Assert.NotEmpty(emails);
        Assert.All(emails, email =>
        {
            Assert.Contains($"{BaseUrl}/api/console/#/ticket/IFP-1042", email.PlainText);
            Assert.Contains($"href=\"{BaseUrl}/api/console/#/ticket/IFP-1042\"", email.Html);
            Assert.DoesNotContain("/api/portal/", email.PlainText + email.Html);
        });
    }

    public static TheoryData<string, object> StaffEvents() => new()
    {
        { HelpdeskEventTypes.TicketAssigned, new TicketAssignedData("Payouts failing", Customer, Ava, "high") },
        { HelpdeskEventTypes.TicketAssigned, new TicketAssignedData("Payouts failing", Customer, Ava, "urgent", BecameUrgent: true) },
        { HelpdeskEventTypes.TicketReplied, new TicketRepliedData("Payouts failing", Customer, Ava, Customer, ReplyAuthorRole.Customer, "Still failing.") },
        { HelpdeskEventTypes.SlaWarning, new SlaAlertData("Payouts failing", Ava, "first-response", NewYorkTime(2026, 12, 8, 9, 0), "high", "reserve") },
        { HelpdeskEventTypes.SlaBreached, new SlaAlertData("Payouts failing", Ava, "first-response", NewYorkTime(2026, 12, 7, 15, 0), "high", "reserve") },
    };

    [Fact]
    public async Task A_page_sent_as_email_links_to_the_console()
    {
        var email = await _composer.ComposeAsync(new NotificationModel(NotificationKind.Page, "IFP-1042", "URGENT: Payouts failing"), new("olivia.pager@infoflopay.example"), null);

        Assert.Contains($"{BaseUrl}/api/console/#/ticket/IFP-1042", email.PlainText);
        Assert.Contains($"href=\"{BaseUrl}/api/console/#/ticket/IFP-1042\"", email.Html);
    }

    [Fact]
    public async Task The_link_is_html_encoded_in_the_html_part()
    {
        var composer = new EmailComposer(
            new NotificationTemplates(), Options.Create(Roster()), new TicketLinks(Options.Create(new DeskLinkOptions { PublicBaseUrl = "https://desk.example/a&b\"c" })));

        var email = await composer.ComposeAsync(new NotificationModel(NotificationKind.Resolved, "IFP-1042", "Payouts failing"), new("cara@customer.example"), null);

        Assert.Contains("https://desk.example/a&b\"c/api/portal/#ticket/IFP-1042", email.PlainText);
        Assert.Contains("href=\"https://desk.example/a&amp;b&quot;c/api/portal/#ticket/IFP-1042\"", email.Html);
        Assert.DoesNotContain("a&b", email.Html);
    }

    [Theory]
    [InlineData(null, null, DeskLinkOptions.LocalBaseUrl)]
    [InlineData(null, "ifp-func.azurewebsites.net", "https://ifp-func.azurewebsites.net")]
    [InlineData("https://help.infoflopay.example", "ifp-func.azurewebsites.net", "https://help.infoflopay.example")]
    public void The_base_url_is_the_setting_else_the_app_host_name_in_Azure_else_the_local_host(string? setting, string? websiteHostname, string expected)
    {
        Assert.Equal(expected, TicketLinks.Resolve(setting, websiteHostname));
    }

    [Theory]
    [InlineData(2026, 12, 8, "Tuesday, December 8, 10:30 AM ET", "2026-12-08T15:30:00Z")]
    [InlineData(2026, 7, 14, "Tuesday, July 14, 10:30 AM ET", "2026-07-14T14:30:00Z")]
    public async Task The_acknowledgement_states_the_first_response_due_time_in_Eastern_time_with_tier_and_target(
        int year, int month, int day, string expected, string dueUtc)
    {
        var due = DateTimeOffset.Parse(dueUtc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(NewYorkTime(year, month, day, 10, 30), due);

        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts failing", Customer, "high", "portal", Tier: "reserve", FirstResponseDueAt: due))));

        Assert.Contains($"We will respond by {expected} (within 4 business hours, Reserve tier).", email.PlainText);
        Assert.Contains($"We will respond by <strong>{expected}</strong> (within 4 business hours, Reserve tier).", email.Html);
        Assert.DoesNotContain("UTC", email.PlainText + email.Html);
    }

    [Fact]
    public async Task A_round_the_clock_target_is_stated_without_business_hours()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts down", Customer, "urgent", "api", Tier: "reserve", FirstResponseDueAt: NewYorkTime(2026, 12, 7, 17, 15)))
            , agents: false));

        Assert.Contains("We will respond by Monday, December 7, 5:15 PM ET (within 45 minutes, Reserve tier).", email.PlainText);
    }

    [Fact]
    public async Task An_acknowledgement_published_without_the_sla_keeps_the_general_promise()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.TicketCreated, new TicketCreatedData("Payouts failing", Customer, "medium", "portal"))));

        Assert.Contains("An engineer will respond within the response time of your support plan.", email.PlainText);
        Assert.DoesNotContain("We will respond by", email.PlainText);
    }

    [Fact]
    public async Task An_sla_warning_says_how_much_business_time_is_left_and_to_reply()
    {
        // Monday 16:30 ET: half an hour of today's business hours plus one hour on Tuesday morning.
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.SlaWarning,
            new SlaAlertData("Payouts failing", Ava, "first-response", NewYorkTime(2026, 12, 8, 9, 0), "high", "reserve", SlaCalendarKind.Business))),
            email => email.To[0].Address == Ava.Email);

        Assert.Equal("[IFP-1042] SLA warning: first response due in 1 business hour 30 minutes: Payouts failing", email.Subject);
        Assert.Contains("is due at Tuesday, December 8, 9:00 AM ET: 1 business hour 30 minutes left.", email.PlainText);
        Assert.Contains("What to do: Send the customer a public reply, before it is due: " + BaseUrl + "/api/console/#/ticket/IFP-1042", email.PlainText);
        Assert.Contains("<strong>1 business hour 30 minutes left</strong>", email.Html);
    }

    [Fact]
    public async Task An_sla_warning_on_a_round_the_clock_target_counts_wall_clock_time()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.SlaWarning,
            new SlaAlertData("Payouts down", Ava, "first-response", NewYorkTime(2026, 12, 7, 16, 40), "urgent", "reserve"))),
            email => email.To[0].Address == Ava.Email);

        Assert.Contains("is due at Monday, December 7, 4:40 PM ET: 10 minutes left.", email.PlainText);
        Assert.DoesNotContain("business", email.PlainText);
    }

    [Fact]
    public async Task An_sla_warning_on_an_unowned_ticket_asks_for_triage()
    {
        var emails = await ComposeAsync(Create(HelpdeskEventTypes.SlaWarning,
            new SlaAlertData("Payouts failing", null, "first-response", NewYorkTime(2026, 12, 8, 9, 0), "high", "reserve", SlaCalendarKind.Business)));

        Assert.All(emails, email => Assert.Contains("What to do: Nobody owns it yet: triage it to an agent", email.PlainText));
    }

    [Fact]
    public async Task An_sla_breach_states_the_missed_due_time_in_Eastern_time_and_what_to_do()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.SlaBreached,
            new SlaAlertData("Payouts failing", Ava, "resolution", NewYorkTime(2026, 7, 14, 16, 0), "high", "reserve"))),
            email => email.To[0].Address == Ava.Email);

        Assert.Contains("was missed; it was due at Tuesday, July 14, 4:00 PM ET.", email.PlainText);
        Assert.Contains("What to do: Resolve it, or tell the customer when it will be: " + BaseUrl, email.PlainText);
    }

    [Fact]
    public async Task A_staff_reply_is_signed_with_the_name_the_team_lists_not_the_sign_in_name()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Ava, new PersonRef(Ava.Email, "ava.agent"), ReplyAuthorRole.Staff, "Fixed."))));

        Assert.Contains("Ava Agent replied to your ticket IFP-1042:", email.PlainText);
        Assert.Contains("<p>Ava Agent replied to your ticket", email.Html);
        Assert.DoesNotContain("ava.agent", email.PlainText);
    }

    [Fact]
    public async Task A_name_changed_through_the_agents_api_wins_over_the_settings_roster()
    {
        var planner = new NotificationPlanner(Options.Create(Roster()), new Team(new PersonRef(Ava.Email, "Ava Adams")), new SlaWording(Policy, _clock));

        var email = Assert.Single(await ComposeAsync(planner, Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Ava, new PersonRef(Ava.Email, "ava.agent"), ReplyAuthorRole.Staff, "Fixed."))));

        Assert.Contains("Ava Adams replied to your ticket IFP-1042:", email.PlainText);
    }

    [Fact]
    public async Task A_staff_member_the_team_does_not_list_is_named_as_the_reply_names_them()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.TicketReplied,
            new TicketRepliedData("Payouts failing", Customer, Ava, new PersonRef("zed@infoflopay.example", "Zed Temp"), ReplyAuthorRole.Staff, "Fixed."))));

        Assert.Contains("Zed Temp replied to your ticket IFP-1042:", email.PlainText);
    }

    [Fact]
    public async Task The_assignee_is_named_as_the_team_lists_them_in_sla_mail()
    {
        var email = Assert.Single(await ComposeAsync(Create(HelpdeskEventTypes.SlaBreached,
            new SlaAlertData("Payouts failing", new PersonRef(Ava.Email, "ava.agent"), "first-response", NewYorkTime(2026, 12, 7, 15, 0), "high", "reserve"))),
            email => email.To[0].Address == Ava.Email);

        Assert.Contains("assigned to Ava Agent)", email.PlainText);
        Assert.Contains("Hello Ava Agent,", email.PlainText);
    }

    [Fact]
    public async Task A_name_with_markup_is_encoded_once_in_the_html_part_of_sla_mail()
    {
        var planner = new NotificationPlanner(Options.Create(Roster()), new Team(new PersonRef(Ava.Email, "Ava & <b>Co</b>")), new SlaWording(Policy, _clock));

        var email = Assert.Single(await ComposeAsync(planner, Create(HelpdeskEventTypes.SlaWarning,
            new SlaAlertData("Payouts failing", Ava, "first-response", NewYorkTime(2026, 12, 8, 9, 0), "high", "reserve"))),
            email => email.To[0].Address == Ava.Email);

        Assert.Contains("assigned to Ava &amp; &lt;b&gt;Co&lt;/b&gt;)", email.Html);
        Assert.Contains("assigned to Ava & <b>Co</b>)", email.PlainText);
    }

    private Task<IReadOnlyList<EmailMessage>> ComposeAsync(HelpdeskEvent helpdeskEvent, bool agents = true) =>
        ComposeAsync(_planner, helpdeskEvent, agents);

    private async Task<IReadOnlyList<EmailMessage>> ComposeAsync(NotificationPlanner planner, HelpdeskEvent helpdeskEvent, bool agents = true)
    {
        var emails = new List<EmailMessage>();
        foreach (var delivery in (await planner.PlanAsync(helpdeskEvent, CancellationToken.None)).OfType<EmailDelivery>())
        {
            if (agents || delivery.Model.Kind.IsForCustomer())
            {
                emails.Add(await _composer.ComposeAsync(delivery.Model, delivery.To, delivery.Key));
            }
        }

        return emails;
    }

    private sealed class Team(params PersonRef[] agents) : ISupportTeam
    {
        public Task<IReadOnlyList<PersonRef>> AgentsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PersonRef>>(agents);
    }
}
