using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Monitoring;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The public status page (<c>/api/portal/status</c>) in a real browser, opened by nobody in particular.</summary>
[Collection(PortalCollectionDefinition.Name)]
public sealed class StatusPageBrowserTests(PortalSite site)
{
    [Fact]
    public async Task Without_signing_in_the_page_shows_a_public_service_go_down_and_come_back_as_it_refreshes()
    {
        const string service = "status-page-gateway";
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await PutTargetAsync(service, server, isPublic: true);
        await PutTargetAsync("status-page-internal", server, isPublic: false);
        await ProbeAsync();

        var page = await site.NewPageAsync(controlTimers: true);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync(StatusAddress.ToString());
        var row = page.Locator($"#services li[data-service='{service}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "up");
        await Expect(row).ToContainTextAsync("Up");
        await Expect(page.Locator("#services li[data-service='status-page-internal']")).ToHaveCountAsync(0);

        server.AnswerWith(HealthPage.Failing);
        await ProbeAsync();
        await page.Clock.RunForAsync(30_000);

        await Expect(row).ToHaveAttributeAsync("data-status", "down");
        await Expect(row).ToContainTextAsync("Down since");
        await Expect(page.Locator("#summary")).ToContainTextAsync("down");
        await Expect(page.Locator("#incidents")).ToContainTextAsync($"{service} is unavailable");
        await page.ScreenshotAsync(new() { Path = "/tmp/status-page.png", FullPage = true });

        server.AnswerWith(HealthPage.Healthy);
        await ProbeAsync();
        await page.Clock.RunForAsync(30_000);

        await Expect(row).ToHaveAttributeAsync("data-status", "up");
        await Expect(page.Locator("#incidents")).Not.ToContainTextAsync($"{service} is unavailable");
        Assert.Empty(errors);
        Assert.DoesNotContain(server.Url("/"), await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_390_px_with_a_service_down_nothing_scrolls_sideways_and_axe_finds_nothing_serious()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await PutTargetAsync("status-page-long-service-name-for-a-narrow-phone-screen", server, isPublic: true);
        await ProbeAsync();

        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(StatusAddress.ToString());
        await Expect(page.Locator("#services li[data-status='down']").First).ToBeVisibleAsync();

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The status page is {width} px wide at a 390 px viewport.");
        var serious = AxeScan.Serious(await page.RunAxe(AxeScan.WcagAA), "status page").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        await page.ScreenshotAsync(new() { Path = "/tmp/status-page-390.png", FullPage = true });
    }

    private Uri StatusAddress => new(site.Host.BaseAddress!, "api/portal/status");

    private async Task PutTargetAsync(string name, LoopbackHttpServer server, bool isPublic)
    {
        using var manager = site.Host.Manager();
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}", UriKind.Relative),
            new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1, intervalSeconds = 10, timeoutSeconds = 5, @public = isPublic });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>The probe timer, 10 s after the last run (which also lets the status's 5 s cache expire).</summary>
    private async Task ProbeAsync()
    {
        site.Host.Clock.Advance(TimeSpan.FromSeconds(10));
        using var anonymous = site.Host.Anonymous();
        var run = await anonymous.PostAsJsonAsync(new Uri("/admin/functions/RunHealthProbes", UriKind.Relative), new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }
}
