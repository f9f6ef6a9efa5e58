using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>
/// Every notification of the support policy, end to end on the local host: an API call, the ticket outbox, the
/// in-process Service Bus, DispatchNotification, and the outbox (GET /admin/outbox) — and each delivery on the timeline.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class NotificationFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_new_ticket_acknowledges_the_requester_who_sees_it_on_the_timeline()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);

        var id = await desk.OpenTicketAsync();

        var ack = Assert.Single(desk.Sent(id));
        Assert.Equal(("email", desk.Carol), (ack.Channel, Assert.Single(ack.To)));
        Assert.Equal($"[{id}] We received your request: Payouts failing", ack.Subject);
        var outbox = await host.Anonymous().GetFromJsonAsync<JsonArray>(Desk.Relative("/admin/outbox"));
        Assert.Contains(outbox!, entry => entry!["ticketId"]!.GetValue<string>() == id && entry["messageId"]!.GetValue<string>() == ack.MessageId);

        var seenByCustomer = Assert.Single(Desk.NotificationsOf(await Desk.EventsAsync(id, desk.Customer())));
        Assert.Equal([desk.Carol], Desk.Recipients(seenByCustomer));
        Assert.Equal("public", seenByCustomer["visibility"]!.GetValue<string>());
        Assert.Equal(ack.Subject, seenByCustomer["note"]!.GetValue<string>());
        Assert.Single(Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())));
    }

    [Fact]
    public async Task Triage_emails_the_assignee_only_and_customers_do_not_see_staff_notifications()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();

        await desk.TriageAsync(id, "high", Desk.Ben);

        Assert.Equal([desk.Carol, Desk.Ben], desk.EmailedTo(id));
        Assert.Contains("assigned", desk.Sent(id)[^1].Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(desk.Sent(id), entry => entry.Channel == "pager");

        var staffView = Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())).ToDictionary(e => Desk.Recipients(e).Single());
        Assert.Equal([Desk.Ben, desk.Carol], staffView.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("internal", staffView[Desk.Ben]["visibility"]!.GetValue<string>());
        Assert.Equal("public", staffView[desk.Carol]["visibility"]!.GetValue<string>());
        Assert.Equal([desk.Carol], Desk.NotificationsOf(await Desk.EventsAsync(id, desk.Customer(desk.Dave))).SelectMany(Desk.Recipients));
    }

    [Fact]
    public async Task Triage_to_urgent_pages_the_operations_manager_and_emails_every_agent_once()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();

        await desk.TriageAsync(id, "urgent", Desk.Ava);

        var sent = desk.Sent(id);
        var page = Assert.Single(sent, entry => entry.Channel == "pager");
        Assert.Equal([Desk.OliviaPager], page.To);
        Assert.Contains("URGENT", page.Subject, StringComparison.Ordinal);
        Assert.Equal([Desk.Ava, Desk.Ben, desk.Carol], sent.Where(entry => entry.Channel == "email").SelectMany(entry => entry.To).Order(StringComparer.Ordinal));
        var onTimeline = Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())).ToList();
        Assert.Equal(4, onTimeline.Count);
        Assert.Contains(onTimeline, e => e["channel"]!.GetValue<string>() == "pager" && Desk.Recipients(e).Single() == Desk.OliviaPager);
    }

    [Fact]
    public async Task An_urgent_ticket_opened_by_staff_mobilizes_the_team_at_once()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);

        var id = await desk.OpenTicketAsync(host.Agent(), "Checkout down for all merchants", priority: "urgent", requester: desk.Carol);

        var sent = desk.Sent(id);
        Assert.Equal([Desk.OliviaPager], Assert.Single(sent, entry => entry.Channel == "pager").To);
        Assert.Equal([Desk.Ava, Desk.Ben, desk.Carol], sent.Where(entry => entry.Channel == "email").SelectMany(entry => entry.To).Order(StringComparer.Ordinal));
        Assert.Equal(4, Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())).Count());
    }

    [Fact]
    public async Task A_staff_public_reply_emails_the_customer_and_an_internal_note_emails_nobody()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "medium", Desk.Ava);
        var before = desk.Sent(id).Count;

        await desk.ReplyAsync(host.Agent(), id, "Customer must not read this: the bank is at fault.", isInternal: true);
        Assert.Equal(before, desk.Sent(id).Count);

        await desk.ReplyAsync(host.Agent(), id, "We have asked your bank to resend the payouts.");
        var reply = Assert.Single(desk.Sent(id).Skip(before));
        Assert.Equal([desk.Carol], reply.To);
        Assert.Contains("We have asked your bank to resend the payouts.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(desk.Sent(id), entry => entry.Body.Contains("must not read", StringComparison.Ordinal));
        Assert.Equal(2, Desk.NotificationsOf(await Desk.EventsAsync(id, desk.Customer())).Count());
    }

    [Fact]
    public async Task A_customer_reply_emails_the_assignee()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "medium", Desk.Ben);
        var before = desk.Sent(id).Count;

        await desk.ReplyAsync(desk.Customer(), id, "It happened again today.");

        var reply = Assert.Single(desk.Sent(id).Skip(before));
        Assert.Equal([Desk.Ben], reply.To);
        Assert.Contains("It happened again today.", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_emails_the_customer()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "low", Desk.Ava);
        var before = desk.Sent(id).Count;

        await desk.ChangeStatusAsync(id, "resolved", "Payouts were resent by the bank.");

        var resolved = Assert.Single(desk.Sent(id).Skip(before));
        Assert.Equal([desk.Carol], resolved.To);
        Assert.Contains("Payouts were resent by the bank.", resolved.Body, StringComparison.Ordinal);
        Assert.Contains(Desk.NotificationsOf(await Desk.EventsAsync(id, desk.Customer())), e => e["note"]!.GetValue<string>() == resolved.Subject);
    }

    [Fact]
    public async Task On_a_ticket_staff_opened_for_an_account_the_customer_sees_none_of_the_mail_sent_to_staff()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        // Opened by Ava for the account without naming a requester, so Ava is the requester.
        var id = await desk.OpenTicketAsync(host.Agent(), "Settlement file missing", priority: "low");

        await desk.TriageAsync(id, "urgent", Desk.Ben);
        await desk.ReplyAsync(host.Agent(Desk.Ben), id, "Regenerating the settlement file.");
        await desk.ChangeStatusAsync(id, "resolved", "File regenerated.");

        var sent = desk.Sent(id);
        Assert.Contains(sent, entry => entry.Subject.Contains("URGENT", StringComparison.Ordinal) && entry.To.SequenceEqual([Desk.Ava]));
        var staffView = Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())).ToList();
        Assert.Equal(sent.SelectMany(entry => entry.To).Order(StringComparer.Ordinal), staffView.SelectMany(Desk.Recipients).Order(StringComparer.Ordinal));
        Assert.Empty(Desk.NotificationsOf(await Desk.EventsAsync(id, desk.Customer())));
    }

    [Fact]
    public async Task Nobody_is_emailed_their_own_reply()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync(host.Agent(), "Settlement file missing", priority: "medium");
        await desk.TriageAsync(id, "medium", Desk.Ben);
        var before = desk.Sent(id).Count;

        await desk.ReplyAsync(host.Agent(), id, "Asked the bank for the file.");
        Assert.Equal(before, desk.Sent(id).Count);

        await desk.ReplyAsync(host.Agent(Desk.Ben), id, "The bank has sent it.");
        Assert.Equal([Desk.Ava], Assert.Single(desk.Sent(id).Skip(before)).To);
    }

    [Fact]
    public async Task Re_triage_emails_the_assignee_only_when_the_ticket_is_newly_theirs_or_newly_urgent()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();

        await desk.TriageAsync(id, "low", Desk.Ben);
        await desk.TriageAsync(id, "medium", Desk.Ben);
        await desk.TriageAsync(id, "high", Desk.Ben);
        Assert.Equal([desk.Carol, Desk.Ben], desk.EmailedTo(id));

        var before = desk.Sent(id).Count;
        await desk.TriageAsync(id, "urgent", Desk.Ben);
        var mobilized = desk.Sent(id).Skip(before).ToList();
        Assert.Equal([Desk.OliviaPager], Assert.Single(mobilized, entry => entry.Channel == "pager").To);
        Assert.Equal([Desk.Ava, Desk.Ben], mobilized.Where(entry => entry.Channel == "email").SelectMany(entry => entry.To).Order(StringComparer.Ordinal));
        Assert.All(mobilized, entry => Assert.Contains("URGENT", entry.Subject, StringComparison.Ordinal));

        before = desk.Sent(id).Count;
        await desk.TriageAsync(id, "urgent", Desk.Ava);
        var reassigned = Assert.Single(desk.Sent(id).Skip(before));
        Assert.Equal([Desk.Ava], reassigned.To);
        Assert.Contains("assigned", reassigned.Subject, StringComparison.OrdinalIgnoreCase);
    }
}
