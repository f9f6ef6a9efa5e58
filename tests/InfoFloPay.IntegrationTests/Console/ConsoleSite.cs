using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>
/// The seeded local host and Chromium (<see cref="SeededBrowserSite"/>) for the console's browser tests, and the
/// people who use it. A page opened "as" someone carries their principal on every request, as App Service
/// Authentication would add it, so GET /api/me answers 200 and the console behaves as in Azure.
/// </summary>
public sealed class ConsoleSite : SeededBrowserSite
{
    public const string Ava = "ava.agent@infoflopay.example";
    public const string Ben = "ben.agent@infoflopay.example";
    public const string Olivia = "olivia.ops@infoflopay.example";
    public const string Carol = "carol@contoso.com";
    public const string Dana = "dana@fabrikam.example";

    /// <summary>Set to a folder (scripts/console-screenshots.sh sets docs/console) to have the journeys save the
    /// screenshots docs/console.md shows.</summary>
    public static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS");

    public Uri ConsoleAddress => new(Host.BaseAddress!, "api/console/");

    public Uri PortalAddress => new(Host.BaseAddress!, "api/portal/");

    public Task<IPage> OpenAsAgentAsync(string fragment = "", BrowserNewContextOptions? options = null, bool controlTimers = false) =>
        OpenConsoleAsync(EasyAuthSession.PrincipalFor(Ava, "Ava Agent", "Support.Agent"), fragment, options, controlTimers);

    public Task<IPage> OpenAsManagerAsync(string fragment = "", BrowserNewContextOptions? options = null) =>
        OpenConsoleAsync(EasyAuthSession.PrincipalFor(Olivia, "Olivia Ops", "Support.Manager"), fragment, options, controlTimers: false);

    /// <summary>The console with nobody signed in: on loopback that is the local sign-in picker.</summary>
    public async Task<IPage> OpenSignedOutAsync(BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await page.GotoAsync(ConsoleAddress.ToString());
        await Expect(page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        return page;
    }

    public async Task<IPage> OpenConsoleAsync(string principal, string fragment = "", BrowserNewContextOptions? options = null, bool controlTimers = false)
    {
        options ??= new BrowserNewContextOptions();
        options.ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = principal };
        var page = await NewPageAsync(options, controlTimers);
        await page.GotoAsync(ConsoleAddress + fragment);
        await Expect(page.Locator("body[data-ready='true']")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>The customer portal as Carol (Contoso) would see it, on a page of its own.</summary>
    public async Task<IPage> OpenPortalAsCarolAsync(string fragment)
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = EasyAuthSession.PrincipalFor(Carol, "Carol Jensen") },
        });
        await page.GotoAsync(PortalAddress + fragment);
        return page;
    }

    /// <summary>A ticket the customer opened through the API; returns its id.</summary>
    public async Task<string> OpenTicketAsync(string customer, string subject, string description = "")
    {
        using var client = Host.As(customer);
        var response = await client.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject, description });
        response.EnsureSuccessStatusCode();

        // Routing suggests an owner right after the ticket opens (a change, with a new ETag): let it finish first.
        await Host.MessagesSettledAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> TicketAsync(string id)
    {
        using var agent = Host.Agent();
        return (await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}", UriKind.Relative)))!;
    }

    public async Task<JsonArray> EventsAsync(string id, string? asCustomer = null)
    {
        using var client = asCustomer is null ? Host.Agent() : Host.As(asCustomer);
        return (await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/events", UriKind.Relative)))!["items"]!.AsArray();
    }

    /// <summary>Saves a screenshot for docs/console.md when <see cref="ScreenshotFolder"/> is set; otherwise nothing.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(ScreenshotFolder))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
