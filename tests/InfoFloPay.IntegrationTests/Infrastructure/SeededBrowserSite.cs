using InfoFloPay.DevHost.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// The local host on a real port with devhost/seed.json loaded, and Debian's Chromium driven by Playwright: what the
/// browser tests of the portal and of the console share (one of each per test collection). The system browser is used
/// on purpose: nothing is ever downloaded.
/// </summary>
public abstract class SeededBrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A host name that is not loopback, so a page runs as it does in Azure; Chromium resolves it to the
    /// local host (<c>--host-resolver-rules</c>), nothing leaves the machine.</summary>
    public const string AzureHostName = "infoflopay-func.azurewebsites.test";

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public LocalHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}: install the 'chromium' package (scripts/test.sh does when run as root).");
        }

        await _azurite.InitializeAsync();
        Host = await LocalHost.StartAsync(_azurite, realServer: true);
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

    /// <summary>
    /// A fresh browser profile (nothing remembered) whose "now" is the host's fake clock, not the machine's. With
    /// <paramref name="controlTimers"/> the page's timers run only when the test moves the page's clock
    /// (<c>page.Clock.RunForAsync</c>), so a page that polls refreshes exactly when the test says.
    /// </summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null, bool controlTimers = false)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= new ViewportSize { Width = 1000, Height = 760 };
        var context = await Browser.NewContextAsync(options);
        if (controlTimers)
        {
            // Installed a while early so that pausing at the host's "now" is a step forward, never back.
            var now = Host.Clock.GetUtcNow().UtcDateTime;
            await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = now.AddMinutes(-5) });
            await context.Clock.PauseAtAsync(now);
            return await context.NewPageAsync();
        }

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

    /// <summary>What the tests of this site need stored besides devhost/seed.json.</summary>
    protected virtual Task SeedMoreAsync() => Task.CompletedTask;

    private async Task SeedAsync()
    {
        using var client = Host.Anonymous();
        var seed = SeedData.Load(Path.Combine(RepositoryRoot.Path, "devhost", "seed.json"));
        var failures = await Host.Services.GetRequiredService<SeedLoader>().LoadAsync(client, seed, CancellationToken.None);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} requests of devhost/seed.json failed.");
        }

        await SeedMoreAsync();
    }
}
