using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>Every view of the console scanned by axe-core in light and dark, and the main views at 390 px wide.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class ConsoleAccessibilityTests(ConsoleSite site)
{
    /// <summary>Every view in the light theme; in the dark one, the views that between them use every colour the
    /// console has (priorities, statuses, SLA tones, internal and public entries, badges, tables, forms).</summary>
    [Theory]
    [InlineData(ColorScheme.Light, "#/queue/triage", "#/queue/open?priority=high", "ticket", "#/sla", "#/monitoring", "#/customers", "#/customers/contoso",
        "#/articles", "#/articles/card-declined-do-not-honor", "#/shortcuts", "#/ticket/IFP-999999")]
    [InlineData(ColorScheme.Dark, "#/queue/open?status=all", "ticket", "#/sla", "#/customers/contoso")]
    public async Task No_view_has_a_serious_or_critical_accessibility_violation(ColorScheme scheme, params string[] views)
    {
        var id = await WorkedTicketAsync();
        var page = await site.OpenAsManagerAsync(options: new() { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 800 } });

        var found = new List<string>();
        foreach (var view in views.Select(v => v == "ticket" ? $"#/ticket/{id}" : v))
        {
            await page.EvaluateAsync("hash => { location.hash = hash; }", view);
            await Expect(page.Locator($"body[data-route='{view}']")).ToBeAttachedAsync();
            found.AddRange(AxeScan.Serious(await page.RunAxe(AxeScan.WcagAA), view));
            if (scheme == ColorScheme.Dark && view.StartsWith("#/ticket/", StringComparison.Ordinal))
            {
                await ConsoleSite.ScreenshotAsync(page, "workspace-dark");
            }
        }

        var signedOut = await site.OpenSignedOutAsync(new() { ColorScheme = scheme });
        await Expect(signedOut.GetByLabel("Staff member")).ToBeVisibleAsync();
        found.AddRange(AxeScan.Serious(await signedOut.RunAxe(AxeScan.WcagAA), "local sign-in"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("#/queue/triage", "mobile-queue")]
    [InlineData("ticket", "mobile-workspace")]
    [InlineData("#/sla", null)]
    public async Task At_390_px_nothing_scrolls_sideways(string view, string? screenshot)
    {
        var fragment = view == "ticket" ? $"#/ticket/{await WorkedTicketAsync()}" : view;
        var page = await site.OpenAsAgentAsync(fragment, new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await Expect(page.Locator("#view-title")).ToBeVisibleAsync();

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{view} is {width} px wide at a 390 px viewport.");
        if (screenshot is not null)
        {
            await ConsoleSite.ScreenshotAsync(page, screenshot);
        }
    }

    /// <summary>A triaged ticket with a public reply and an internal note, so the workspace shows every kind of entry.</summary>
    private async Task<string> WorkedTicketAsync()
    {
        var id = await site.OpenTicketAsync(ConsoleSite.Carol, "Payout report totals do not add up", "The totals column is off by the fees.");
        using var agent = site.Host.Agent();
        (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), new { priority = "high", assignee = ConsoleSite.Ava })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/replies", UriKind.Relative), new { body = "Looking into the fee column now." })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync(new Uri($"/api/tickets/{id}/replies", UriKind.Relative), new { body = "Fees are netted twice in the export.", @internal = true })).EnsureSuccessStatusCode();
        return id;
    }
}
