using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>
/// What recipients read, end to end on the local host with the sample settings: an API call, the SLA engine, the bus,
/// the templates, and the outbox (its JSON and its page).
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class EmailContentFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_acknowledgement_links_to_the_portal_and_states_the_tickets_first_response_due_time_in_Eastern_time()
    {
        // The local host's clock: Tuesday, November 24, 2026, 9:00 AM in New York.
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);

        var id = await desk.OpenTicketAsync();

        // Reserve medium is 18 business hours: 8 on Tuesday, 9 on Wednesday, none on Thanksgiving, 1 on Friday.
        var ticket = await desk.GetTicketAsync(id, desk.Customer());
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            ticket["sla"]!["firstResponseDueAt"]!.GetValue<DateTimeOffset>());
        var ack = Assert.Single(desk.Sent(id));
        var portalLink = $"http://localhost:7071/api/portal/#ticket/{id}";
        Assert.Contains("We will respond by Friday, November 27, 9:00 AM ET (within 18 business hours, Reserve tier).", ack.Body);
        Assert.Contains(portalLink, ack.Body);

        var outbox = await host.Anonymous().GetFromJsonAsync<JsonArray>(Desk.Relative("/admin/outbox"));
        var entry = Assert.Single(outbox!, entry => entry!["ticketId"]!.GetValue<string>() == id)!;
        var html = entry["html"]!.GetValue<string>();
        Assert.Contains($"<a href=\"{portalLink}\">", html);
        Assert.Contains("We will respond by <strong>Friday, November 27, 9:00 AM ET</strong>", html);

        using var page = await host.Anonymous().GetAsync(Desk.Relative("/admin/outbox/view"));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var pageText = await page.Content.ReadAsStringAsync();
        Assert.Contains($"srcdoc=\"", pageText);
        Assert.Contains($"&lt;a href=&quot;{portalLink}&quot;&gt;", pageText);
    }

    [Fact]
    public async Task A_staff_reply_is_signed_with_the_agents_name_and_the_assignee_gets_a_console_link()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "high", Desk.Ava);

        // Ava signs in as "ava.agent" (the name claim); the team lists her as Ava Agent.
        await desk.ReplyAsync(host.Agent(), id, "We have restarted the payout worker.");

        var sent = desk.Sent(id);
        var assigned = Assert.Single(sent, entry => entry.To.SequenceEqual([Desk.Ava]));
        Assert.Contains($"http://localhost:7071/api/console/#/ticket/{id}", assigned.Body);
        var reply = sent[^1];
        Assert.Equal([desk.Carol], reply.To);
        Assert.Contains($"Ava Agent replied to your ticket {id}:", reply.Body);
        Assert.DoesNotContain("ava.agent replied", reply.Body);
        Assert.Contains($"http://localhost:7071/api/portal/#ticket/{id}", reply.Html);
    }
}
