using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>
/// The portal as it runs in Azure: served on a host name that is not loopback, behind (a stand-in for) App Service
/// Authentication with the token store off, so the page learns who is signed in from GET /api/me alone.
/// </summary>
[Collection(PortalCollectionDefinition.Name)]
public sealed class PortalAzureSignInTests(PortalSite site)
{
    [Fact]
    public async Task A_signed_in_customer_sees_their_name_and_account_without_asking_auth_me()
    {
        var session = EasyAuthSession.SignedIn("carol@contoso.com", "Carol Jensen");
        var page = await OpenAsync(session);

        await Expect(page.Locator("#account .who")).ToHaveTextAsync("Carol Jensen");
        await Expect(page.Locator("#account .affiliation")).ToHaveTextAsync("Contoso Retail");
        await Expect(page.Locator("#account a")).ToHaveAttributeAsync("href", "/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fportal%2F");
        await Expect(page.Locator("#view-tickets")).ToBeVisibleAsync();
        await Expect(page.Locator("#ticket-list li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#local-banner")).ToBeHiddenAsync();
        await Expect(page.Locator("#unregistered-banner")).ToBeHiddenAsync();
        AssertIdentityCameFromTheApi(session);
    }

    [Fact]
    public async Task A_signed_out_visitor_gets_the_work_account_sign_in_and_no_local_picker()
    {
        var session = EasyAuthSession.SignedOut();
        var page = await OpenAsync(session);

        await Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveAttributeAsync("href", "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fportal%2F");
        await Expect(page.Locator("#signin-local")).ToBeHiddenAsync();
        await Expect(page.Locator("#local-banner")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" })).ToBeHiddenAsync();
        await Expect(page.Locator("#account")).ToBeEmptyAsync();
        AssertIdentityCameFromTheApi(session);
    }

    [Fact]
    public async Task A_customer_whose_email_no_account_lists_is_told_so()
    {
        var page = await OpenAsync(EasyAuthSession.SignedIn("erin@unlisted.example", "Erin Unlisted"));

        await Expect(page.Locator("#account .who")).ToHaveTextAsync("Erin Unlisted");
        await Expect(page.Locator("#account .affiliation")).ToHaveCountAsync(0);
        await Expect(page.Locator("#unregistered-banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#unregistered-banner")).ToContainTextAsync("erin@unlisted.example is not registered with a customer account");
    }

    [Fact]
    public async Task An_agent_without_a_display_name_is_shown_by_email()
    {
        var page = await OpenAsync(EasyAuthSession.SignedIn("ava.agent@infoflopay.example", null, "Support.Agent"));

        await Expect(page.Locator("#account .who")).ToHaveTextAsync("ava.agent@infoflopay.example");
        await Expect(page.Locator("#account .affiliation")).ToHaveTextAsync("Support agent");
        await Expect(page.Locator("#unregistered-banner")).ToBeHiddenAsync();
        await Expect(page.Locator("#ticket-list li").First).ToBeVisibleAsync();
    }

    private async Task<IPage> OpenAsync(EasyAuthSession session)
    {
        var page = await site.OpenAzurePortalAsync(session);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        return page;
    }

    /// <summary>The page asked the API who is signed in, and never App Service Authentication's own /.auth/me.</summary>
    private static void AssertIdentityCameFromTheApi(EasyAuthSession session)
    {
        Assert.Contains("/api/me", session.RequestedPaths);
        Assert.DoesNotContain(session.RequestedPaths, path => path.StartsWith("/.auth/", StringComparison.Ordinal));
    }
}
