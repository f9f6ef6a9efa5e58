using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>The console in a real browser against the seeded local host, as the support team works in it.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed partial class ConsoleJourneyTests(ConsoleSite site)
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [Fact]
    public async Task An_agent_works_a_new_ticket_from_the_queue_to_resolved_and_the_customer_never_sees_the_internal_note()
    {
        var subject = "Refund R-88 stuck in processing " + Suffix();
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, subject, "Refund R-88 has shown 'processing' since Monday.");
        var page = await site.OpenAsAgentAsync(options: Wide());

        // The triage queue lists it with its SLA countdown, in Eastern time, on business hours.
        var row = page.Locator($"#ticket-list li[data-ticket-id='{id}']");
        await Expect(row).ToContainTextAsync(subject);
        await Expect(row).ToContainTextAsync("First response due in");
        await Expect(row).ToContainTextAsync(new Regex("ET · business hours"));
        await Expect(row).ToContainTextAsync("Contoso Retail · reserve");
        await ConsoleSite.ScreenshotAsync(page, "queue");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#view-title")).ToContainTextAsync(subject);
        await Expect(page.Locator("#ws-people")).ToContainTextAsync("Contoso Retail");

        // Triage: priority and owner; routing's suggestion is already selected, and says it is one.
        await Expect(page.GetByLabel("Assignee", Exact)).ToHaveValueAsync((await site.TicketAsync(id))["suggestedAssignee"]!.GetValue<string>());
        await Expect(page.Locator("#triage-assignee-hint")).ToContainTextAsync("Routing: Suggested");
        await page.GetByLabel("Priority", Exact).SelectOptionAsync("high");
        await page.GetByLabel("Assignee", Exact).SelectOptionAsync(ConsoleSite.Ava);
        await page.GetByRole(AriaRole.Button, new() { Name = "Triage", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ws-badges .status-open")).ToBeVisibleAsync();
        await Expect(page.Locator("#ws-timeline")).ToContainTextAsync("priority medium → high");

        // A public reply, which the reply box says goes to the customer before it is sent.
        await Expect(page.Locator("#reply-mode-hint")).ToContainTextAsync("emailed a copy");
        await page.GetByLabel("Reply", Exact).FillAsync("We found refund R-88; it is released with tonight's batch.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(page.Locator("#ws-timeline li.public.tone-staff")).ToContainTextAsync("released with tonight's batch");

        // An internal note: the box turns into a note before anything is sent.
        await page.GetByLabel("Internal note", Exact).CheckAsync();
        await Expect(page.Locator("#reply-form")).ToHaveClassAsync(new Regex("mode-internal"));
        await Expect(page.Locator("#reply-mode-hint")).ToContainTextAsync("only the support team sees it");
        await page.GetByLabel("Reply", Exact).FillAsync("Bank ops confirmed the batch; do not promise a time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add internal note" }).ClickAsync();
        var note = page.Locator("#ws-timeline li.internal", new() { HasText = "do not promise a time" });
        await Expect(note).ToBeVisibleAsync();
        await Expect(note.Locator(".visibility")).ToHaveTextAsync("Internal");

        // Pending pauses the clock, and the console says so before and after.
        await page.GetByLabel("Status", Exact).SelectOptionAsync("pending");
        await Expect(page.Locator("#status-effect")).ToContainTextAsync("pauses the SLA clock");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Expect(page.Locator("#ws-badges .status-pending")).ToBeVisibleAsync();
        await Expect(page.Locator("#ws-sla")).ToContainTextAsync("its SLA clocks are paused");
        await ConsoleSite.ScreenshotAsync(page, "workspace");

        await page.GetByLabel("Status", Exact).SelectOptionAsync("resolved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Expect(page.Locator("#ws-badges .status-resolved")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();

        var ticket = await site.TicketAsync(id);
        Assert.Equal("resolved", ticket["status"]!.GetValue<string>());
        Assert.Equal("high", ticket["priority"]!.GetValue<string>());
        Assert.Equal(ConsoleSite.Ava, ticket["assignee"]!.GetValue<string>());
        Assert.NotNull(ticket["firstRespondedAt"]);

        // Carol, in the portal: the public reply is there, the note is not, nor the desk's mail bookkeeping.
        var portal = await site.OpenPortalAsCarolAsync("#ticket/" + id);
        await Expect(portal.Locator("#timeline")).ToContainTextAsync("released with tonight's batch");
        await Expect(portal.Locator("#timeline")).Not.ToContainTextAsync("do not promise");
        await Expect(portal.Locator("#timeline")).Not.ToContainTextAsync("Notification sent");
        Assert.DoesNotContain(await site.EventsAsync(id, ConsoleSite.Carol), e => (e!["body"]?.GetValue<string>() ?? "").Contains("do not promise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manager_sees_a_breached_ticket_at_a_glance_and_in_the_breached_queue()
    {
        var subject = "Card terminals offline in every store " + Suffix();
        var id = await site.OpenTicketAsync(ConsoleSite.Dana, subject);
        using (var agent = site.Host.Agent())
        {
            (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), new { priority = "urgent", assignee = ConsoleSite.Ben })).EnsureSuccessStatusCode();
        }

        // Nobody answers: the host's clock moves past the VIP urgent response target and the SLA sweep runs.
        site.Host.Clock.Advance(TimeSpan.FromHours(3));
        using (var sweep = await site.Host.Anonymous().PostAsJsonAsync(new Uri("/admin/functions/SweepSla", UriKind.Relative), new { input = "" }))
        {
            sweep.EnsureSuccessStatusCode();
        }

        await site.Host.MessagesSettledAsync();
        Assert.NotEmpty((await site.TicketAsync(id))["sla"]!["breaches"]!.AsArray());

        var page = await site.OpenAsManagerAsync("#/sla", Wide());
        await Expect(page.Locator("#view-title")).ToHaveTextAsync("SLA at a glance");
        var vip = page.Locator("table.glance tr[data-tier='vip'] td").Nth(1);
        await Expect(vip).Not.ToHaveTextAsync("0");
        var row = page.Locator($"#sla-breached li[data-ticket-id='{id}']");
        await Expect(row).ToContainTextAsync(subject);
        await Expect(row).ToContainTextAsync("First response overdue by");
        await Expect(row).ToContainTextAsync("ET · 24x7");
        await ConsoleSite.ScreenshotAsync(page, "sla");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Breached" }).ClickAsync();
        await Expect(page.Locator($"#ticket-list li[data-ticket-id='{id}']")).ToContainTextAsync("overdue by");
        await Expect(page.Locator($"#ticket-list li[data-ticket-id='{id}']")).ToHaveClassAsync(new Regex("late"));
    }

    [Fact]
    public async Task A_change_someone_else_made_meanwhile_is_reported_as_a_conflict_and_nothing_is_lost()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, "Chargeback notice in the wrong currency " + Suffix());
        var page = await site.OpenAsAgentAsync("#/ticket/" + id);
        await page.GetByLabel("Priority", Exact).SelectOptionAsync("low");
        await page.GetByLabel("Reply", Exact).FillAsync("Draft the agent must not lose");

        // Ben triages the same ticket first.
        using (var ben = site.Host.Agent(ConsoleSite.Ben))
        {
            (await ben.PostAsJsonAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), new { priority = "high", assignee = ConsoleSite.Ben })).EnsureSuccessStatusCode();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Triage", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ws-banner")).ToContainTextAsync("Someone changed this ticket — reload");
        var stored = await site.TicketAsync(id);
        Assert.Equal("high", stored["priority"]!.GetValue<string>());
        Assert.Equal(ConsoleSite.Ben, stored["assignee"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(page.Locator("#ws-banner")).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Priority", Exact)).ToHaveValueAsync("high");
        await Expect(page.GetByLabel("Assignee", Exact)).ToHaveValueAsync(ConsoleSite.Ben);
        await Expect(page.GetByLabel("Reply", Exact)).ToHaveValueAsync("Draft the agent must not lose");

        // Knowing what Ben did, the agent's own change now goes through.
        await page.GetByLabel("Priority", Exact).SelectOptionAsync("low");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator("#triage-form .form-message")).ToContainTextAsync("Triaged: low priority");
        Assert.Equal("low", (await site.TicketAsync(id))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_apis_error_is_shown_next_to_the_field_it_names()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, "Settlement file has duplicate rows " + Suffix());
        var page = await site.OpenAsAgentAsync("#/ticket/" + id);
        await page.GetByLabel("Status", Exact).SelectOptionAsync("open");
        await page.GetByLabel("Note (optional)").FillAsync(new string('n', 1001));
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/tickets/{id}/status", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();

        var response = await answer;
        Assert.Equal(400, response.Status);
        var apiMessage = JsonNode.Parse(await response.TextAsync())!["errors"]!["note"]![0]!.GetValue<string>();
        await Expect(page.Locator("#status-note-error")).ToHaveTextAsync(apiMessage);
        await Expect(page.GetByLabel("Note (optional)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#status-form .form-message")).ToHaveTextAsync("Please correct the highlighted fields.");
        Assert.Equal("new", (await site.TicketAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_queue_refreshes_itself_keeping_the_agents_focus_and_place()
    {
        for (var i = 0; i < 4; i++)
        {
            await site.OpenTicketAsync(ConsoleSite.Carol, $"Terminal {i} offline " + Suffix());
        }

        var watched = await site.OpenTicketAsync(ConsoleSite.Carol, "Receipt printer prints blank slips " + Suffix());
        var page = await site.OpenAsAgentAsync(options: new() { ViewportSize = new() { Width = 1000, Height = 420 } }, controlTimers: true);
        var link = page.Locator($"#ticket-list li[data-ticket-id='{watched}'] a");
        await link.FocusAsync();
        var before = (await link.BoundingBoxAsync())!.Y;

        // An urgent ticket arrives: it sorts to the top of the triage queue, above the agent's row.
        using (var agent = site.Host.Agent())
        {
            (await agent.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Payouts failing everywhere " + Suffix(), description = "", customerId = "contoso", priority = "urgent" })).EnsureSuccessStatusCode();
        }

        await page.Clock.RunForAsync(16_000);
        await Expect(page.Locator("#ticket-list li.row-urgent").First).ToContainTextAsync("Payouts failing everywhere");
        await Expect(page.Locator("#announcer")).ToHaveTextAsync(new Regex("^1 new ticket in Triage"));
        Assert.Equal(watched, await page.EvaluateAsync<string?>("() => document.activeElement.closest('li')?.dataset.ticketId"));
        Assert.InRange((await link.BoundingBoxAsync())!.Y, before - 2, before + 2);
    }

    [Fact]
    public async Task An_agent_moves_through_the_queue_and_writes_a_note_with_the_keyboard_alone()
    {
        var first = await site.OpenTicketAsync(ConsoleSite.Carol, "Keyboard A: payout delayed " + Suffix());
        var second = await site.OpenTicketAsync(ConsoleSite.Carol, "Keyboard B: payout delayed " + Suffix());
        var page = await site.OpenAsAgentAsync("#/queue/triage?q=Keyboard");
        var rows = page.Locator("#ticket-list li");
        await Expect(rows).ToHaveCountAsync(2);
        var order = await rows.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.ticketId)");
        Assert.Equal(new[] { first, second }, order); // same priority: oldest first

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        Assert.Equal(first, await page.EvaluateAsync<string?>("() => document.activeElement.closest('li')?.dataset.ticketId"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#view-title")).ToContainTextAsync("Keyboard A");

        await page.Keyboard.PressAsync("i");
        await Expect(page.GetByLabel("Internal note", Exact)).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Reply", Exact)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Checked with the bank: delay is on their side.");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#ws-timeline li.internal", new() { HasText = "delay is on their side" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("#view-title")).ToContainTextAsync("Keyboard B");
        await page.Keyboard.PressAsync("r");
        await Expect(page.GetByLabel("Public reply", Exact)).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Reply", Exact)).ToBeFocusedAsync();
        Assert.Contains(await site.EventsAsync(first), e => e!["visibility"]!.GetValue<string>() == "internal"
            && e["body"]?.GetValue<string>() == "Checked with the bank: delay is on their side.");
    }

    [Fact]
    public async Task An_urgent_ticket_shows_the_unacknowledged_page_until_an_agent_acknowledges_it_and_then_who_did()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Dana, "Every card payment declined " + Suffix());
        using (var agent = site.Host.Agent())
        {
            (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), new { priority = "urgent", assignee = ConsoleSite.Ben })).EnsureSuccessStatusCode();
        }

        await site.Host.MessagesSettledAsync();
        var page = await site.OpenAsAgentAsync("#/ticket/" + id);

        var banner = page.Locator("#ws-paging .paging.unacked");
        await Expect(banner).ToContainTextAsync("Paged, not acknowledged.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge page" }).ClickAsync();

        await Expect(page.Locator("#ws-paging .paging.acked")).ToContainTextAsync($"Page acknowledged by {ConsoleSite.Ava}");
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(page.Locator("#ws-timeline")).ToContainTextAsync($"Page acknowledged by");
        var paging = (await site.TicketAsync(id))["paging"]!;
        Assert.Equal((ConsoleSite.Ava, "console"), (paging["acknowledgedBy"]!.GetValue<string>(), paging["acknowledgedVia"]!.GetValue<string>()));
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A desktop-sized window, where the workspace has its side panel (and the screenshots look as on a desk).</summary>
    private static BrowserNewContextOptions Wide() => new() { ViewportSize = new() { Width = 1280, Height = 800 } };
}
