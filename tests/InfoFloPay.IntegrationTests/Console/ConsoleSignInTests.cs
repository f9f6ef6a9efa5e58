using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>Who gets the console: the local sign-in picker only on loopback with nobody signed in, the work-account
/// sign-in everywhere else, and customers are sent to the portal.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class ConsoleSignInTests(ConsoleSite site)
{
    [Fact]
    public async Task Signed_out_on_loopback_offers_the_support_team_and_signs_in_as_the_one_picked()
    {
        var page = await site.OpenSignedOutAsync();

        await Expect(page.Locator("#local-banner")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Staff member").Locator("option")).ToHaveTextAsync(
        [
            "Ava Agent — Support.Agent",
            "Ben Agent — Support.Agent",
            "Olivia Ops — Support.Manager",
        ]);
        await page.GetByLabel("Staff member").SelectOptionAsync(ConsoleSite.Olivia);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in locally" }).ClickAsync();

        await Expect(page.Locator("#account .who")).ToHaveTextAsync("Olivia Ops");
        await Expect(page.Locator("#account .role")).ToHaveTextAsync("Manager");
        await Expect(page.Locator("#account")).ToContainTextAsync("Local sign-in");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Console" })).ToBeVisibleAsync();
        await Expect(page.Locator("#view-title")).ToContainTextAsync("Triage");
    }

    [Fact]
    public async Task Signed_out_in_azure_gets_the_work_account_sign_in_and_never_the_picker()
    {
        var easyAuth = EasyAuthSession.SignedOut();
        var page = await site.NewPageAsync();
        var address = new UriBuilder(site.ConsoleAddress) { Host = SeededBrowserSite.AzureHostName }.Uri;
        await easyAuth.AttachAsync(page.Context, address);
        await page.GotoAsync(address.ToString());

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveAttributeAsync("href", "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fconsole%2F");
        await Expect(page.Locator("#local-user")).ToHaveCountAsync(0);
        await Expect(page.Locator("#local-banner")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Console" })).ToBeHiddenAsync();
        Assert.Contains("/api/me", easyAuth.RequestedPaths);
        Assert.DoesNotContain("/.auth/me", easyAuth.RequestedPaths);
    }

    [Fact]
    public async Task A_customer_is_sent_to_the_portal()
    {
        var page = await site.OpenConsoleAsync(EasyAuthSession.PrincipalFor(ConsoleSite.Carol, "Carol Jensen"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("This workspace is for the support team");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the customer portal" })).ToHaveAttributeAsync("href", "/api/portal/");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Console" })).ToBeHiddenAsync();
    }
}
