using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The portal in a real browser against the seeded local host, as a customer would use it.</summary>
public sealed class PortalBrowserTests(PortalSite site) : IClassFixture<PortalSite>
{
    private const string SeededContosoSubject = "Settlement report missing yesterday's payouts";

    [Fact]
    public async Task A_contoso_customer_opens_a_ticket_finds_it_under_open_and_replies_on_it()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync("Refunds stuck in processing since Monday");
        await page.GetByLabel("Description").FillAsync("Three refunds on merchant account 4411 have shown 'processing' for two days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();

        // The page moves to the new ticket; its id is the one the API gave.
        await Expect(page.Locator("#ticket-title")).ToContainTextAsync("Refunds stuck in processing since Monday");
        var id = await page.Locator("#ticket-title .ticket-id").TextContentAsync();
        Assert.Matches(@"^IFP-\d+$", id);

        await page.GetByRole(AriaRole.Link, new() { Name = "My tickets" }).ClickAsync();
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

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).DblClickAsync();
        await Expect(page.Locator("#ticket-title")).ToContainTextAsync(subject);

        using var carol = site.Host.As("carol@contoso.com");
        var open = await carol.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=open&top=100", UriKind.Relative));
        Assert.Single(open!["items"]!.AsArray(), t => t!["subject"]!.GetValue<string>() == subject);
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

        // Not even by its address: the portal says there is no such ticket on Dana's account.
        await page.GotoAsync(site.PortalAddress + "#ticket/" + contosoId);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"There is no ticket {contosoId} on your account.");
        await Expect(page.Locator("#ticket-title")).Not.ToContainTextAsync(SeededContosoSubject);
    }

    [Fact]
    public async Task The_form_stops_a_201_character_subject_before_sending_it()
    {
        var page = await site.OpenPortalAsync();
        await SignInLocallyAsync(page, "carol@contoso.com");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
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

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).ClickAsync();
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

        await page.GetByRole(AriaRole.Link, new() { Name = "Help articles" }).ClickAsync();
        await page.GetByLabel("Search troubleshooting steps").FillAsync("declined do not honor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Card payments declined with \"do not honor\"" }).ClickAsync();

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

        await page.GetByRole(AriaRole.Link, new() { Name = "Help articles" }).ClickAsync();
        await page.GetByLabel("Search troubleshooting steps").FillAsync("refund reference");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund status lookup" }).ClickAsync();

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

    private static async Task SignInLocallyAsync(IPage page, string email)
    {
        await page.GetByLabel("Demo user").SelectOptionAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in locally" }).ClickAsync();
        await Expect(page.Locator("#account .who")).ToHaveTextAsync(email);
        await Expect(page.Locator("#view-tickets")).ToBeVisibleAsync();
    }
}
