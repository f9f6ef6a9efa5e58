using System.Net.Http.Json;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>
/// The local host on a real port with devhost/seed.json loaded (plus one hostile article), and Debian's Chromium
/// driven by Playwright. The system browser is used on purpose: nothing is ever downloaded.
/// </summary>
public sealed class PortalSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string HostileArticleSlug = "hostile-markup-sample";

    /// <summary>A host name that is not loopback, so the page runs as it does in Azure; Chromium resolves it to the
    /// local host (<c>--host-resolver-rules</c>), nothing leaves the machine.</summary>
    public const string AzureHostName = "infoflopay-func.azurewebsites.test";

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public Infrastructure.LocalHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri PortalAddress => new(Host.BaseAddress!, "api/portal/");

    /// <summary>The same page under <see cref="AzureHostName"/>: no local sign-in picker, identity from the API.</summary>
    public Uri AzurePortalAddress => new UriBuilder(PortalAddress) { Host = AzureHostName }.Uri;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The portal's browser tests drive Debian's Chromium at {ChromiumPath}: install the 'chromium' package (scripts/test.sh does when run as root).");
        }

        await _azurite.InitializeAsync();
        Host = await Infrastructure.LocalHost.StartAsync(_azurite, realServer: true);
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--host-resolver-rules=MAP {AzureHostName} 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh browser profile (no local sign-in remembered) on the portal's page.</summary>
    public async Task<IPage> OpenPortalAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(PortalAddress.ToString());
        return page;
    }

    /// <summary>A fresh browser profile on <see cref="AzurePortalAddress"/>, with App Service Authentication played by
    /// <paramref name="easyAuth"/> (which sees every request the browser sends there).</summary>
    public async Task<IPage> OpenAzurePortalAsync(EasyAuthSession easyAuth)
    {
        ArgumentNullException.ThrowIfNull(easyAuth);
        var page = await NewPageAsync();
        await easyAuth.AttachAsync(page.Context, AzurePortalAddress);
        await page.GotoAsync(AzurePortalAddress.ToString());
        return page;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 760 } });
        // The browser's "now" (for "closed in the last 30 days") is the host's fake clock, not the machine's.
        await context.Clock.SetFixedTimeAsync(Host.Clock.GetUtcNow().UtcDateTime);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        using var client = Host.Anonymous();
        var seed = SeedData.Load(Path.Combine(RepositoryRoot.Path, "devhost", "seed.json"));
        var failures = await Host.Services.GetRequiredService<SeedLoader>().LoadAsync(client, seed, CancellationToken.None);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} requests of devhost/seed.json failed.");
        }

        // An article whose author tried to smuggle script in; the API sanitizes it, the page's CSP is the second line.
        using var agent = Host.Agent();
        var put = await agent.PutAsJsonAsync(new Uri($"/api/articles/{HostileArticleSlug}", UriKind.Relative), new
        {
            title = "Refund status lookup",
            tags = new[] { "refunds" },
            body = "Look up a refund by its **reference**.\n\n" +
                "<script>window.portalPwned = 'script';</script>\n\n" +
                "<img src=\"x\" onerror=\"window.portalPwned = 'onerror'\">\n\n" +
                "[Open the refunds page](javascript:window.portalPwned='link')\n\n" +
                "<iframe src=\"javascript:parent.portalPwned='iframe'\"></iframe>",
        });
        put.EnsureSuccessStatusCode();
    }
}
