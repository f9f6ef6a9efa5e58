using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The portal in a real browser against the seeded local host, as a customer would use it.</summary>
[Collection(PortalCollectionDefinition.Name)]
public sealed class PortalBrowserTests(PortalSite site)
{
    private const string SeededContosoSubject = "Settlement report missing yesterday's payouts";

    [Fact]
    public async Task A_contoso_customer_opens_a_ticket_finds_it_under_open_and_replies_on_it()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        site.Host.Clock.Advance(TimeSpan.FromMinutes(5)); // so the new ticket is the newest

        await Nav(page, "New ticket").ClickAsync();
        await page.GetByLabel("Subject").FillAsync("Refunds stuck in processing since Monday");
        await page.GetByLabel("Description").FillAsync("Three refunds on merchant account 4411 have shown 'processing' for two days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        // The page moves to the new ticket; its id is the one the API gave.
        await Expect(page.Locator("#ticket-title")).ToContainTextAsync("Refunds stuck in processing since Monday");
        var id = await page.Locator("#ticket-title .ticket-id").TextContentAsync();
        Assert.Matches(@"^IFP-\d+$", id);

        await Nav(page, "My tickets").ClickAsync();
        var row = page.Locator($"#ticket-list li[data-ticket-id='{id}']");
        await Expect(row).ToContainTextAsync("Refunds stuck in processing since Monday");
        await Expect(row).ToContainTextAsync(id!);
        await Expect(page.Locator("#ticket-list li").First).ToHaveAttributeAsync("data-ticket-id", id!);
        await Expect(page.Locator("#ticket-list")).ToContainTextAsync(SeededContosoSubject);
        await page.ScreenshotAsync(new() { Path = "/tmp/portal.png", FullPage = true });

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Your reply").FillAsync("Two more refunds are stuck now: 9921 and 9922.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        await Expect(page.Locator("#timeline li.reply")).ToContainTextAsync("Two more refunds are stuck now: 9921 and 9922.");
        await Expect(page.Locator("#timeline li.created")).ToContainTextAsync("Opened by");

        // The same ticket, as the API sees it: opened through the portal by Carol, with the reply on its timeline.
        using var carol = site.Host.As("carol@contoso.com");
        var ticket = await carol.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}", UriKind.Relative));
        Assert.Equal("portal", ticket!["channel"]!.GetValue<string>());
        Assert.Equal("contoso", ticket["customerId"]!.GetValue<string>());
        var events = await carol.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/events", UriKind.Relative));
        Assert.Contains(events!["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "reply"
            && e["body"]!.GetValue<string>() == "Two more refunds are stuck now: 9921 and 9922.");
    }

    [Fact]
    public async Task A_double_click_on_open_ticket_opens_one_ticket()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        var subject = "Payout file rejected by our bank " + Guid.NewGuid().ToString("N")[..8];

        await Nav(page, "New ticket").ClickAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).DblClickAsync();
        await Expect(page.Locator("#ticket-title")).ToContainTextAsync(subject);

        using var carol = site.Host.As("carol@contoso.com");
        var open = await carol.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=open&top=100", UriKind.Relative));
        Assert.Single(open!["items"]!.AsArray(), t => t!["subject"]!.GetValue<string>() == subject);
    }

    [Fact]
    public async Task Load_more_continues_the_open_list_without_repeating_a_ticket()
    {
        using var carol = site.Host.As("carol@contoso.com");
        var created = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            var response = await carol.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = $"Terminal {i} offline", description = "" });
            response.EnsureSuccessStatusCode();
            created.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        var rows = page.Locator("#ticket-list li");
        await Expect(rows).ToHaveCountAsync(25);
        var loadMore = page.GetByRole(AriaRole.Button, new() { Name = "Load more" });

        // At most a few more pages: the list ends when the API stops handing out a continuation token.
        for (var pages = 1; await loadMore.IsVisibleAsync(); pages++)
        {
            Assert.True(pages < 4, $"Still offering 'Load more' after {pages} pages and {await rows.CountAsync()} rows.");
            var before = await rows.CountAsync();
            await loadMore.ClickAsync();
            await Expect(rows).Not.ToHaveCountAsync(before);
            await Expect(page.Locator("#load-more")).ToBeEnabledAsync();
        }

        var everyOpen = await carol.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=open&top=100", UriKind.Relative));
        await Expect(rows).ToHaveCountAsync(everyOpen!["items"]!.AsArray().Count);

        var shown = await rows.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.ticketId)");
        Assert.Equal(shown.Length, shown.Distinct().Count());
        Assert.Subset(shown.ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task A_customer_closes_a_resolved_ticket_from_recently_closed()
    {
        using var carol = site.Host.As("carol@contoso.com");
        using var agent = site.Host.Agent();
        var opened = await carol.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Chargeback notice in the wrong currency", description = "" });
        var id = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), new { priority = "low", assignee = "ava.agent@infoflopay.example" })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/status", UriKind.Relative), new { status = "resolved", note = "Fixed the currency mapping." })).EnsureSuccessStatusCode();

        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        await Expect(page.Locator("#ticket-list")).Not.ToContainTextAsync("Chargeback notice in the wrong currency");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Recently closed" }).ClickAsync();
        var row = page.Locator($"#ticket-list li[data-ticket-id='{id}']");
        await Expect(row).ToContainTextAsync("resolved");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close ticket" }).ClickAsync();

        await Expect(page.Locator("#ticket-facts .status")).ToHaveTextAsync("closed");
        await Expect(page.Locator("#timeline li.status").Last).ToContainTextAsync("resolved → closed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen ticket" })).ToBeHiddenAsync();
        var ticket = await carol.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}", UriKind.Relative));
        Assert.Equal("closed", ticket!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fabrikam_customer_does_not_see_contosos_ticket()
    {
        using var carol = site.Host.As("carol@contoso.com");
        var contoso = await carol.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=open&top=100", UriKind.Relative));
        var contosoId = contoso!["items"]!.AsArray().Single(t => t!["subject"]!.GetValue<string>() == SeededContosoSubject)!["id"]!.GetValue<string>();

        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "dana@fabrikam.example");

        await Expect(page.Locator("#tickets-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#ticket-list")).Not.ToContainTextAsync(SeededContosoSubject);

        // Not even by its address: a not-found page says there is no such ticket on Dana's account, with nothing to
        // reply to.
        await page.GotoAsync(site.PortalAddress + "#ticket/" + contosoId);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ticket not found" })).ToBeVisibleAsync();
        await Expect(page.Locator("#notfound-text")).ToHaveTextAsync($"There is no ticket {contosoId} on your account.");
        await Expect(page.GetByLabel("Your reply")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send reply" })).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(SeededContosoSubject);
    }

    [Fact]
    public async Task The_form_stops_a_201_character_subject_before_sending_it()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await Nav(page, "New ticket").ClickAsync();
        await page.GetByLabel("Subject").FillAsync(new string('s', 201));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        await Expect(page.Locator("#new-subject-error")).ToHaveTextAsync("The subject must be 1 to 200 characters (now 201).");
        await Expect(page.GetByLabel("Subject")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task The_form_shows_the_apis_field_error_when_the_api_rejects_a_201_character_subject()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        var tooLong = new string('s', 201);

        // The browser's own check is passed with a valid subject; on the wire it becomes 201 characters, so what the
        // user sees next to the field is the API's problem+json answer.
        await page.RouteAsync("**/api/tickets", async route =>
        {
            var body = JsonNode.Parse(route.Request.PostData!)!.AsObject();
            body["subject"] = tooLong;
            await route.ContinueAsync(new RouteContinueOptions { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });
        var answer = page.WaitForResponseAsync(response => response.Url.EndsWith("/api/tickets", StringComparison.Ordinal) && response.Request.Method == "POST");

        await Nav(page, "New ticket").ClickAsync();
        await page.GetByLabel("Subject").FillAsync("A fine subject");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        var response = await answer;
        Assert.Equal(400, response.Status);
        var problem = JsonNode.Parse(await response.TextAsync())!;
        var apiMessage = problem["errors"]!["subject"]![0]!.GetValue<string>();
        await Expect(page.Locator("#new-subject-error")).ToHaveTextAsync(apiMessage);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Please correct the highlighted fields.");
        Assert.Equal("The subject must be 1 to 200 characters.", apiMessage);

        using var carol = site.Host.As("carol@contoso.com");
        var open = await carol.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=all&top=100", UriKind.Relative));
        Assert.DoesNotContain(open!["items"]!.AsArray(), t => t!["subject"]!.GetValue<string>() == "A fine subject" || t["subject"]!.GetValue<string>() == tooLong);
    }

    [Fact]
    public async Task Article_search_shows_the_seeded_article_rendered()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");

        await Nav(page, "Help articles").ClickAsync();
        await page.GetByLabel("Search troubleshooting steps").FillAsync("declined do not honor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Card payments declined with \"do not honor\"" }).ClickAsync();

        await Expect(page.Locator("#article-title")).ToHaveTextAsync("Card payments declined with \"do not honor\"");
        await Expect(page.Locator("#article-body h1")).ToHaveTextAsync("Why it happens");
        await Expect(page.Locator("#article-body ol li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#article-body strong")).ToHaveTextAsync("3-D Secure");
    }

    [Fact]
    public async Task No_script_from_a_hostile_article_runs()
    {
        var page = await site.OpenPortalAsync();
        var violations = new List<string>();
        page.Console += (_, message) => violations.Add(message.Text);
        await SignInLocallyAsync(page, "carol@contoso.com");

        await Nav(page, "Help articles").ClickAsync();
        await page.GetByLabel("Search troubleshooting steps").FillAsync("refund reference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Refund status lookup" }).ClickAsync();

        await Expect(page.Locator("#article-body strong")).ToHaveTextAsync("reference");
        // Clicking what is left of the javascript: link must not run it either.
        var link = page.Locator("#article-body a");
        if (await link.CountAsync() > 0)
        {
            await link.First.ClickAsync();
        }

        // Give an onerror handler the chance to fire: wait until the browser has finished with every image.
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(img => img.complete)");
        Assert.Null(await page.EvaluateAsync<string?>("() => window.portalPwned ?? null"));
        Assert.Equal(0, await page.Locator("#article-body script, #article-body iframe, #article-body [onerror]").CountAsync());
        Assert.DoesNotContain(violations, text => text.Contains("pwned", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_help_page_lists_every_article_before_a_search_and_each_article_has_its_own_address()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");

        await Nav(page, "Help articles").ClickAsync();
        var titles = page.Locator("#article-list li a");
        await Expect(titles).ToHaveTextAsync(["Card payments declined with \"do not honor\"", "Refund status lookup", "Webhook signature verification fails"]);
        await Expect(page.Locator("#articles-heading")).ToHaveTextAsync("All articles");

        await page.GetByRole(AriaRole.Link, new() { Name = "Webhook signature verification fails" }).ClickAsync();
        Assert.EndsWith("#help/webhook-signature-mismatch", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#article-title")).ToHaveTextAsync("Webhook signature verification fails");

        // The address alone opens the article, in a new tab or after a reload.
        var other = await site.OpenPortalAsync("#help/card-declined-do-not-honor");
        await SignInLocallyAsync(other, "carol@contoso.com", expectTickets: false);
        await Expect(other.Locator("#article-title")).ToHaveTextAsync("Card payments declined with \"do not honor\"");
        await Expect(other.Locator("#article-list")).ToBeHiddenAsync();
        await other.GetByRole(AriaRole.Link, new() { Name = "← All articles" }).ClickAsync();
        await Expect(other.Locator("#article-list li")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_customers_timeline_leaves_out_the_desks_notification_entries()
    {
        using var carol = site.Host.As("carol@contoso.com");
        var opened = await carol.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Payout report shows yesterday twice", description = "" });
        var id = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await site.Host.MessagesSettledAsync();
        var events = await carol.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/events", UriKind.Relative));
        Assert.Contains(events!["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "notification-sent"); // the API still has it

        var page = await site.OpenPortalAsync("#ticket/" + id);
        await SignInLocallyAsync(page, "carol@contoso.com", expectTickets: false);

        await Expect(page.Locator("#timeline li.created")).ToBeVisibleAsync();
        await Expect(page.Locator("#timeline")).Not.ToContainTextAsync("Notification sent");
        await Expect(page.Locator("#timeline li.notification-sent")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_local_sign_in_says_it_is_local_only()
    {
        var page = await site.OpenPortalAsync();

        await Expect(page.Locator("#local-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#local-banner")).ToContainTextAsync("never appears in Azure");
        await Expect(page.GetByLabel("Demo user").Locator("option")).ToHaveTextAsync(
        [
            "carol@contoso.com — customer, Contoso",
            "dana@fabrikam.example — customer, Fabrikam",
            "ava.agent@infoflopay.example — Support.Agent",
        ]);

        await SignInLocallyAsync(page, "ava.agent@infoflopay.example");
        await Expect(page.Locator("#account")).ToContainTextAsync("Local sign-in");
        await Expect(page.Locator("#ticket-list")).ToContainTextAsync(SeededContosoSubject);
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" }).GetByRole(AriaRole.Link, new() { Name = name });

    private static async Task SignInLocallyAsync(IPage page, string email, bool expectTickets = true)
    {
        await page.GetByLabel("Demo user").SelectOptionAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in locally" }).ClickAsync();
        await Expect(page.Locator("#account .who")).ToHaveTextAsync(email);
        if (expectTickets)
        {
            await Expect(page.Locator("#view-tickets")).ToBeVisibleAsync();
        }
    }
}
