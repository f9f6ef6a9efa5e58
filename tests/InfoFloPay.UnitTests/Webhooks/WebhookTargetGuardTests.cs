using System.Net;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Webhooks;

/// <summary>The SSRF guard: which addresses a webhook may not reach from Azure, and the defaults that switch it on.</summary>
public sealed class WebhookTargetGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback /8")]
    [InlineData("10.0.0.1", "RFC 1918 10/8")]
    [InlineData("10.255.255.255", "RFC 1918 10/8, last")]
    [InlineData("172.16.0.1", "RFC 1918 172.16/12, first")]
    [InlineData("172.31.255.254", "RFC 1918 172.16/12, last")]
    [InlineData("192.168.1.10", "RFC 1918 192.168/16")]
    [InlineData("100.64.0.1", "CGNAT 100.64/10, first")]
    [InlineData("100.127.255.254", "CGNAT 100.64/10, last")]
    [InlineData("169.254.169.254", "link-local, cloud metadata")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::1", "IPv6 loopback")]
    [InlineData("::", "IPv6 unspecified")]
    [InlineData("fc00::1", "ULA fc00::/7")]
    [InlineData("fd12:3456:789a::1", "ULA fd00::/8")]
    [InlineData("fe80::1", "IPv6 link-local fe80::/10")]
    [InlineData("febf::1", "IPv6 link-local fe80::/10, last")]
    [InlineData("ff02::1", "IPv6 multicast")]
    [InlineData("::ffff:127.0.0.1", "IPv4-mapped loopback")]
    [InlineData("::ffff:10.1.2.3", "IPv4-mapped private")]
    [InlineData("64:ff9b::a9fe:a9fe", "NAT64 of 169.254.169.254")]
    public void Non_public_addresses_are_refused(string address, string range)
    {
        Assert.True(WebhookTargetGuard.IsNonPublic(IPAddress.Parse(address)), $"{address} ({range}) should be refused");
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_pass(string address)
    {
        Assert.False(WebhookTargetGuard.IsNonPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.0.0.8:8443/hook")]
    public async Task With_private_targets_off_a_url_on_or_resolving_to_a_private_address_is_refused(string url)
    {
        var guard = new WebhookTargetGuard(Options.Create(new WebhookOptions { AllowPrivateTargets = false }));

        var refusal = await guard.RefusalAsync(new Uri(url), CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Contains("may not reach", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_private_targets_allowed_loopback_passes()
    {
        var guard = new WebhookTargetGuard(Options.Create(new WebhookOptions { AllowPrivateTargets = true }));

        Assert.Null(await guard.RefusalAsync(new Uri("http://127.0.0.1:5000/hook"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, true, false)]
    [InlineData("func-infoflopay", false, true)]
    public void Unset_the_guard_and_https_follow_the_deployment(string? siteName, bool allowPrivate, bool requireHttps)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AzureDeployment.SiteNameSetting] = siteName })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddWebhooks(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        Assert.Equal((allowPrivate, requireHttps), (options.AllowPrivateTargets, options.RequireHttps));
    }

    [Fact]
    public void A_setting_overrides_the_deployment_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AzureDeployment.SiteNameSetting] = "func-infoflopay",
                ["Webhooks:AllowPrivateTargets"] = "true",
            })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddWebhooks(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets);
    }
}
