using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>The manager views: customer accounts and articles edited in the console, monitoring targets and their state,
/// maintenance windows.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class ConsoleManagerTests(ConsoleSite site)
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [Fact]
    public async Task A_manager_registers_an_account_with_the_apis_error_beside_the_field_it_names()
    {
        var id = "northwind-" + Guid.NewGuid().ToString("N")[..6];
        var page = await site.OpenAsManagerAsync("#/customers");
        await page.GetByRole(AriaRole.Link, new() { Name = "New account" }).ClickAsync();

        await page.GetByLabel("Account id", Exact).FillAsync(id);
        await page.GetByLabel("Name", Exact).FillAsync("Northwind Traders");
        await page.GetByLabel("SLA tier", Exact).SelectOptionAsync("vip");
        await page.GetByLabel("Email domains", Exact).FillAsync("northwind.example\nnot a domain");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.Locator("#customer-domains-error")).ToHaveTextAsync("'not a domain' is not an email domain.");
        await Expect(page.GetByLabel("Email domains", Exact)).ToHaveAttributeAsync("aria-invalid", "true");
        using var manager = site.Host.Manager();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/api/customers/{id}", UriKind.Relative))).StatusCode);

        await page.GetByLabel("Email domains", Exact).FillAsync("northwind.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("#view-title")).ToHaveTextAsync("Northwind Traders");
        var stored = await manager.GetFromJsonAsync<JsonObject>(new Uri($"/api/customers/{id}", UriKind.Relative));
        Assert.Equal("vip", stored!["tier"]!.GetValue<string>());
        Assert.Equal("northwind.example", Assert.Single(stored["emailDomains"]!.AsArray())!.GetValue<string>());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to customers" }).ClickAsync();
        await Expect(page.Locator($"tr[data-customer='{id}']")).ToContainTextAsync("Northwind Traders");
    }

    [Fact]
    public async Task Staff_edit_an_article_and_see_it_as_customers_will()
    {
        var page = await site.OpenAsAgentAsync("#/articles");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhook signature verification fails" }).ClickAsync();
        await Expect(page.GetByLabel("Slug", Exact)).ToHaveValueAsync("webhook-signature-mismatch");

        await page.GetByLabel("Body (markdown)", Exact).FillAsync("Verify the **raw** body.\n\n1. Read the header.\n2. Compare in constant time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();

        await Expect(page.Locator("#article-form .form-message")).ToContainTextAsync("Saved");
        await Expect(page.Locator("#article-preview ol li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#article-preview strong")).ToHaveTextAsync("raw");
        using var agent = site.Host.Agent();
        var article = await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/articles/webhook-signature-mismatch", UriKind.Relative));
        Assert.StartsWith("Verify the **raw** body.", article!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_lists_each_target_with_its_state()
    {
        var name = "acquirer-" + Guid.NewGuid().ToString("N")[..6];
        using (var manager = site.Host.Manager())
        {
            (await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}", UriKind.Relative), new { url = "http://127.0.0.1:9/health", kind = "http", failureThreshold = 3 })).EnsureSuccessStatusCode();
            (await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}-job", UriKind.Relative), new { kind = "heartbeat", intervalSeconds = 3600, graceSeconds = 300, failureThreshold = 1 })).EnsureSuccessStatusCode();
        }

        var page = await site.OpenAsManagerAsync("#/monitoring", new() { ViewportSize = new() { Width = 1280, Height = 800 } });

        var row = page.Locator($"tr[data-target='{name}']");
        await Expect(row).ToContainTextAsync("http http://127.0.0.1:9/health · every 60 s · 3 failed checks in a row open an incident");
        // A heartbeat has no URL: its line says what it waits for.
        await Expect(page.Locator($"tr[data-target='{name}-job'] .target-url")).ToHaveTextAsync("heartbeat: expects a beat every 3600 s (+300 s grace) · a missed beat opens an incident");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("unknown");
        await Expect(row).ToContainTextAsync("not yet");
        await Expect(page.Locator("#mon-incidents")).ToBeVisibleAsync();
        await ConsoleSite.ScreenshotAsync(page, "monitoring");
    }

    [Fact]
    public async Task A_manager_sees_the_maintenance_windows_and_adds_and_deletes_one_in_the_monitoring_view()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var listed = "ledger-upgrade-" + suffix;
        var now = site.Host.Clock.GetUtcNow();
        using var manager = site.Host.Manager();
        (await manager.PutAsJsonAsync(new Uri($"/api/monitoring/maintenance/{listed}", UriKind.Relative),
            new { targets = new[] { "ledger-db" }, startsAt = now.AddMinutes(-30), endsAt = now.AddHours(2), reason = "Ledger upgrade" })).EnsureSuccessStatusCode();

        var page = await site.OpenAsManagerAsync("#/monitoring", new() { ViewportSize = new() { Width = 1280, Height = 800 } });

        var windows = page.Locator("#mon-windows");
        var row = windows.Locator($"li[data-window='{listed}']");
        await Expect(row).ToContainTextAsync("ledger-db");
        await Expect(row).ToContainTextAsync("Ledger upgrade");
        await Expect(row).ToContainTextAsync("in progress");
        await Expect(windows).Not.ToContainTextAsync("not available on this desk yet");

        // Ending before it starts: the API's refusal shows beside the end, and nothing is listed.
        var added = "db-patch-" + suffix;
        await page.GetByLabel("Window id", Exact).FillAsync(added);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Targets", Exact = true }).FillAsync("checkout, ledger-db");
        await page.GetByLabel("Starts (Eastern)", Exact).FillAsync("2026-12-06T04:00");
        await page.GetByLabel("Ends (Eastern)", Exact).FillAsync("2026-12-06T02:00");
        await page.GetByLabel("Reason", Exact).FillAsync("Patch night");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add window" }).ClickAsync();
        await Expect(page.Locator("#mw-ends-error")).ToContainTextAsync("after startsAt");
        await Expect(windows.Locator($"li[data-window='{added}']")).ToHaveCountAsync(0);

        await page.GetByLabel("Ends (Eastern)", Exact).FillAsync("2026-12-06T05:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add window" }).ClickAsync();
        var addedRow = windows.Locator($"li[data-window='{added}']");
        await Expect(addedRow).ToContainTextAsync("checkout, ledger-db");
        await Expect(addedRow).ToContainTextAsync("Patch night");
        var stored = await manager.GetFromJsonAsync<JsonObject>(new Uri($"/api/monitoring/maintenance/{added}", UriKind.Relative));
        Assert.Equal(("2026-12-06T09:00:00Z", "2026-12-06T10:30:00Z"), (stored!["startsAt"]!.GetValue<string>(), stored["endsAt"]!.GetValue<string>()));
        await ConsoleSite.ScreenshotAsync(page, "monitoring-maintenance");

        await addedRow.GetByRole(AriaRole.Button, new() { Name = $"Delete maintenance window {added}" }).ClickAsync();
        await Expect(addedRow).ToHaveCountAsync(0);
        await Expect(row).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_manager_replaces_a_heartbeat_url_in_the_monitoring_view_and_sees_the_new_one_once()
    {
        var name = "settlement-" + Guid.NewGuid().ToString("N")[..6];
        string oldPath;
        using (var manager = site.Host.Manager())
        {
            var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}", UriKind.Relative), new { kind = "heartbeat", failureThreshold = 2 });
            (await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}-api", UriKind.Relative), new { url = "http://127.0.0.1:9/health", kind = "http", failureThreshold = 3 })).EnsureSuccessStatusCode();
            oldPath = new Uri((await put.Content.ReadFromJsonAsync<JsonObject>())!["heartbeatUrl"]!.GetValue<string>()).AbsolutePath;
        }

        var page = await site.OpenAsManagerAsync("#/monitoring", new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var asked = "";
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = $"New URL for {name}" }).ClickAsync();

        var shown = page.GetByLabel($"New heartbeat URL of {name}", Exact);
        await Expect(shown).ToBeFocusedAsync();
        var url = await shown.InputValueAsync();
        Assert.Contains("stops working at once", asked, StringComparison.Ordinal);
        Assert.Contains("/api/monitoring/heartbeats/", url, StringComparison.Ordinal);
        Assert.NotEqual(oldPath, new Uri(url).AbsolutePath);
        await Expect(page.Locator("#mon-rotated")).ToContainTextAsync("it is not shown again");

        using var anonymous = site.Host.Anonymous();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.PostAsync(new Uri(oldPath, UriKind.Relative), null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await anonymous.PostAsync(new Uri(new Uri(url).AbsolutePath, UriKind.Relative), null)).StatusCode);

        // An http target has no URL of the desk's to replace.
        await Expect(page.Locator($"tr[data-target='{name}-api'] button")).ToHaveCountAsync(0);
    }
}
