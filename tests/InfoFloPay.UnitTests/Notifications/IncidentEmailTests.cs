using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;
using static InfoFloPay.UnitTests.Notifications.HelpdeskEvents;

namespace InfoFloPay.UnitTests.Notifications;

/// <summary>
/// A ticket opened by monitoring: the Operations Manager, who files it, reads an incident (what failed, since when, how
/// many checks, the console link), not a customer's acknowledgement; the account of the target hears from us first.
/// </summary>
public class IncidentEmailTests
{
    private const string BaseUrl = "https://help.infoflopay.example";
    private static readonly PersonRef Manager = new("olivia@infoflopay.example", "Olivia Ops");

    private const string Description =
        "Monitoring has seen 3 failed status check(s) in a row for https://pay.example/health (http) since 2026-12-07 21:30:00Z.";

    private readonly EmailComposer _composer = new(new NotificationTemplates(), Options.Create(Roster()),
        new TicketLinks(Options.Create(new DeskLinkOptions { PublicBaseUrl = BaseUrl })));

    [Fact]
    public async Task The_operations_manager_gets_the_incident_with_what_failed_since_when_and_the_console_link()
    {
        var emails = await ComposeAsync(new NotificationPlanner(Options.Create(Roster())), Incident(customerId: null));

        var incident = Assert.Single(emails, email => email.To[0].Address == Manager.Email);
        Assert.Equal("[IFP-1042] INCIDENT: checkout is down", incident.Subject);
        Assert.Contains("Monitoring opened urgent incident IFP-1042: checkout is down.", incident.PlainText);
        Assert.Contains(Description, incident.PlainText);
        Assert.Contains("3 failed status check(s) in a row", incident.Html);
        Assert.Contains($"Open it in the console: {BaseUrl}/api/console/#/ticket/IFP-1042", incident.PlainText);
        Assert.Contains("Detected: ", incident.PlainText);
        Assert.DoesNotContain("We received your request", incident.Subject + incident.PlainText + incident.Html);
        Assert.DoesNotContain("support plan", incident.PlainText + incident.Html);
        Assert.DoesNotContain("/api/portal/", incident.PlainText + incident.Html);
    }

    [Fact]
    public void A_ticket_from_anywhere_else_still_gets_the_acknowledgement()
    {
        var plan = new NotificationPlanner(Options.Create(Roster())).Plan(Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts failing", Customer, "medium", "api", CustomerId: "acme")));

        Assert.Equal([NotificationKind.Acknowledgement], plan.OfType<EmailDelivery>().Select(d => d.Model.Kind));
    }

    [Fact]
    public async Task The_accounts_contacts_hear_we_detected_it_and_are_working_on_it_with_a_portal_link()
    {
        var contacts = new Contacts(("acme", [new PersonRef("cfo@acme.test"), new PersonRef("ops@acme.test")]));
        var emails = await ComposeAsync(new NotificationPlanner(Options.Create(Roster()), contacts: contacts), Incident(customerId: "acme"));

        var toAccount = emails.Where(email => email.To[0].Address.EndsWith("@acme.test", StringComparison.Ordinal)).ToList();
        Assert.Equal(["cfo@acme.test", "ops@acme.test"], toAccount.Select(email => email.To[0].Address));
        var mail = toAccount[0];
        Assert.Equal("[IFP-1042] We are investigating a problem: checkout is down", mail.Subject);
        Assert.Contains("Our monitoring detected a problem affecting your service at ", mail.PlainText);
        Assert.Contains("our engineers are already working on it. You do not need to report it.", mail.PlainText);
        Assert.Contains($"{BaseUrl}/api/portal/#ticket/IFP-1042", mail.PlainText);
        // No internal detail: the probed URL and the console stay with staff.
        Assert.DoesNotContain("https://pay.example/health", mail.PlainText + mail.Html);
        Assert.DoesNotContain("/api/console/", mail.PlainText + mail.Html);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task No_account_no_contacts_and_the_contacts_are_only_asked_for_monitoring_incidents()
    {
        var contacts = new Contacts(("acme", [new PersonRef("cfo@acme.test")]));
        var planner = new NotificationPlanner(Options.Create(Roster()), contacts: contacts);

        var unbound = await planner.PlanAsync(Incident(customerId: null), CancellationToken.None);
        var customerTicket = await planner.PlanAsync(Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts failing", Customer, "urgent", "portal", CustomerId: "acme")), CancellationToken.None);

        Assert.DoesNotContain(unbound.Concat(customerTicket).OfType<EmailDelivery>(), d => d.Model.Kind == NotificationKind.AccountIncident);
        Assert.Equal(0, contacts.Asked);
    }

    [Fact]
    public async Task Each_contact_is_its_own_delivery_keyed_by_the_event_so_a_redelivery_mails_nobody_twice()
    {
        var contacts = new Contacts(("acme", [new PersonRef("cfo@acme.test")]));
        var planner = new NotificationPlanner(Options.Create(Roster()), contacts: contacts);

        var first = await planner.PlanAsync(Incident(customerId: "acme"), CancellationToken.None);
        var again = await planner.PlanAsync(Incident(customerId: "acme"), CancellationToken.None);

        var key = Assert.Single(first.OfType<EmailDelivery>(), d => d.Model.Kind == NotificationKind.AccountIncident).Key;
        Assert.Equal("IFP-1042/evt-1/email/cfo@acme.test", key);
        Assert.Equal(key, Assert.Single(again.OfType<EmailDelivery>(), d => d.Model.Kind == NotificationKind.AccountIncident).Key);
    }

    private static HelpdeskEvent Incident(string? customerId) => Create(HelpdeskEventTypes.TicketCreated,
        new TicketCreatedData("checkout is down", Manager, "urgent", "monitoring", Description, Category: "monitoring", CustomerId: customerId));

    private async Task<IReadOnlyList<EmailMessage>> ComposeAsync(NotificationPlanner planner, HelpdeskEvent helpdeskEvent)
    {
        var emails = new List<EmailMessage>();
        foreach (var delivery in (await planner.PlanAsync(helpdeskEvent, CancellationToken.None)).OfType<EmailDelivery>())
        {
            emails.Add(await _composer.ComposeAsync(delivery.Model, delivery.To, delivery.Key));
        }

        return emails;
    }

    private sealed class Contacts(params (string Account, PersonRef[] People)[] accounts) : IAccountContacts
    {
        public int Asked { get; private set; }

        public Task<IReadOnlyList<PersonRef>> ContactsAsync(string customerId, CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult<IReadOnlyList<PersonRef>>(accounts.FirstOrDefault(a => a.Account == customerId).People ?? []);
        }
    }
}
