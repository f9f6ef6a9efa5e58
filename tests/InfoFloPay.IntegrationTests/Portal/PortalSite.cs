using System.Net.Http.Json;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The seeded local host and Chromium (<see cref="SeededBrowserSite"/>), plus one hostile article, for the
/// portal's browser tests.</summary>
public sealed class PortalSite : SeededBrowserSite
{
    public const string HostileArticleSlug = "hostile-markup-sample";

    public Uri PortalAddress => new(Host.BaseAddress!, "api/portal/");

    /// <summary>The same page under <see cref="SeededBrowserSite.AzureHostName"/>: no local sign-in picker, identity
    /// from the API.</summary>
    public Uri AzurePortalAddress => new UriBuilder(PortalAddress) { Host = AzureHostName }.Uri;

    /// <summary>A fresh browser profile (no local sign-in remembered) on the portal's page.</summary>
    public async Task<IPage> OpenPortalAsync(string fragment = "")
    {
        var page = await NewPageAsync();
        await page.GotoAsync(PortalAddress + fragment);
        return page;
    }

    /// <summary>A fresh browser profile on <see cref="AzurePortalAddress"/>, with App Service Authentication played by
    /// <paramref name="easyAuth"/> (which sees every request the browser sends there).</summary>
    public async Task<IPage> OpenAzurePortalAsync(EasyAuthSession easyAuth, string fragment = "")
    {
        ArgumentNullException.ThrowIfNull(easyAuth);
        var page = await NewPageAsync();
        await easyAuth.AttachAsync(page.Context, AzurePortalAddress);
        await page.GotoAsync(AzurePortalAddress + fragment);
        return page;
    }

    protected override async Task SeedMoreAsync()
    {
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
