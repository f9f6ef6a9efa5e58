using System.Buffers.Text;
using System.Text;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Paging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Paging;

public class PageLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly PageLink Link = new("IFP-1042", "000003", 1, Now.AddHours(24));

    private static readonly IConfiguration Local = new ConfigurationBuilder().Build();

    private static readonly IConfiguration InAzure = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [AzureDeployment.SiteNameSetting] = "func-infoflopay" })
        .Build();

    private static PageLinkSigner Signer(string? key = "a-signing-key-of-at-least-32-characters!", IConfiguration? configuration = null) =>
        new(Options.Create(new PagingOptions { SigningKey = key }), configuration ?? Local, NullLogger<PageLinkSigner>.Instance);

    [Fact]
    public void A_link_it_signed_verifies_as_the_same_page_until_it_expires()
    {
        var signer = Signer();
        var token = signer.Sign(Link);

        Assert.Equal((PageLinkVerdict.Valid, Link), signer.Verify(token, Now));
        Assert.Equal(PageLinkVerdict.Expired, signer.Verify(token, Link.ExpiresAt).Verdict);
    }

    [Theory]
    [InlineData("IFP-1043", "000003", "1", 0)]
    [InlineData("IFP-1042", "000004", "1", 0)]
    [InlineData("IFP-1042", "000003", "2", 0)]
    [InlineData("IFP-1042", "000003", "1", 3600)]
    public void A_link_with_any_field_altered_is_invalid(string ticketId, string pageId, string step, long laterExpirySeconds)
    {
        var signer = Signer();
        var mac = signer.Sign(Link).Split('.')[1];
        var altered = $"{ticketId}|{pageId}|{step}|{Link.ExpiresAt.ToUnixTimeSeconds() + laterExpirySeconds}";

        var verdict = signer.Verify(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered)) + "." + mac, Now);

        Assert.Equal((PageLinkVerdict.Invalid, null), verdict);
    }

    [Fact]
    public void The_signed_fields_unaltered_still_verify_so_the_altered_cases_fail_on_the_alteration()
    {
        var signer = Signer();
        var mac = signer.Sign(Link).Split('.')[1];
        var same = $"{Link.TicketId}|{Link.PageId}|{Link.Step}|{Link.ExpiresAt.ToUnixTimeSeconds()}";

        Assert.Equal(PageLinkVerdict.Valid, signer.Verify(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(same)) + "." + mac, Now).Verdict);
    }

    [Fact]
    public void A_signature_altered_by_one_bit_or_made_with_another_key_is_invalid()
    {
        var token = Signer().Sign(Link);
        var parts = token.Split('.');
        var mac = Base64Url.DecodeFromChars(parts[1]);
        mac[^1] ^= 1;

        Assert.Equal(PageLinkVerdict.Invalid, Signer().Verify(parts[0] + "." + Base64Url.EncodeToString(mac), Now).Verdict);
        Assert.Equal(PageLinkVerdict.Invalid, Signer("another-signing-key-of-32-characters-or-more").Verify(token, Now).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Garbage_is_invalid(string token) =>
        Assert.Equal(PageLinkVerdict.Invalid, Signer().Verify(token, Now).Verdict);

    [Fact]
    public void Without_a_configured_key_links_verify_within_the_process_only()
    {
        var first = Signer(key: null);
        var second = Signer(key: null);
        var token = first.Sign(Link);

        Assert.Equal(PageLinkVerdict.Valid, first.Verify(token, Now).Verdict);
        Assert.Equal(PageLinkVerdict.Invalid, second.Verify(token, Now).Verdict);
    }

    [Fact]
    public void In_azure_without_a_key_pages_carry_no_link_and_no_token_is_accepted()
    {
        // A per-process key would fail on the next instance; a fresh deployment has no vault secret yet.
        var signer = Signer(key: null, configuration: InAzure);
        var links = new PageLinks(signer, Options.Create(new PagingOptions()), TicketLinks.Local);
        var tokenFromAKeyedDesk = Signer().Sign(Link);

        Assert.False(signer.CanSign);
        Assert.Null(links.For("IFP-1042", "000003", 1, Now));
        Assert.Equal(PageLinkVerdict.Invalid, signer.Verify(tokenFromAKeyedDesk, Now).Verdict);
    }

    [Fact]
    public void In_azure_with_a_key_pages_carry_a_link_under_the_desks_public_address_that_verifies()
    {
        var signer = Signer(configuration: InAzure);
        var desk = new TicketLinks(Options.Create(new DeskLinkOptions { PublicBaseUrl = "https://help.infoflopay.example/" }));
        var link = new PageLinks(signer, Options.Create(new PagingOptions()), desk).For("IFP-1042", "000003", 1, Now);

        Assert.NotNull(link);
        Assert.StartsWith("https://help.infoflopay.example/api/acknowledge/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(PageLinkVerdict.Valid, signer.Verify(link.Segments[^1], Now).Verdict);
    }

    [Theory]
    [InlineData("https://help.infoflopay.example", "https://help.infoflopay.example/api/acknowledge/")]
    [InlineData(null, "https://func-infoflopay.azurewebsites.net/api/acknowledge/")]
    public void The_registered_links_follow_Desk__PublicBaseUrl_and_default_to_the_apps_host_name(string? publicBaseUrl, string expectedPrefix)
    {
        using var services = Services(new()
        {
            ["WEBSITE_HOSTNAME"] = "func-infoflopay.azurewebsites.net",
            ["Desk:PublicBaseUrl"] = publicBaseUrl,
            ["Paging:SigningKey"] = "a-signing-key-of-at-least-32-characters!",
        });

        var link = services.GetRequiredService<PageLinks>().For("IFP-1042", "000003", 1, Now);

        Assert.StartsWith(expectedPrefix, link!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, 1)]
    [InlineData(true, "a-signing-key-of-at-least-32-characters!", 0)]
    [InlineData(false, null, 0)]
    public async Task At_start_up_in_azure_without_a_key_one_warning_says_pages_lack_links_and_how_to_set_the_key(
        bool inAzure, string? key, int expectedWarnings)
    {
        var log = new RecordingLoggerProvider();
        using var services = Services(
            new()
            {
                [AzureDeployment.SiteNameSetting] = inAzure ? "func-infoflopay" : null,
                ["Paging:SigningKey"] = key,
            },
            log);

        foreach (var hosted in services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SigningKeyStartupWarning>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var warnings = log.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message).ToList();
        Assert.Equal(expectedWarnings, warnings.Count);
        if (expectedWarnings > 0)
        {
            Assert.Contains("without one-click acknowledgement links", warnings[0], StringComparison.Ordinal);
            Assert.Contains("PAGING_SIGNING_KEY_SECRET_URI", warnings[0], StringComparison.Ordinal);
            Assert.Contains("Key Vault", warnings[0], StringComparison.Ordinal);
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, ILoggerProvider? log = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => { if (log is not null) { logging.AddProvider(log); } })
            .AddNotifications(configuration)
            .BuildServiceProvider();
    }
}
