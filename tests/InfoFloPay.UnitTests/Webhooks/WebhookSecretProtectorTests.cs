using System.Security.Cryptography;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Webhooks;

public class WebhookSecretProtectorTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(WebhookSecretProtector.KeyBytes));

    private static WebhookSecretProtector With(string? key) => new(Options.Create(new WebhookOptions { SecretKey = key }));

    [Fact]
    public void With_a_key_the_stored_value_holds_no_part_of_the_secret_differs_each_time_and_reads_back()
    {
        var protector = With(Key);

        var first = protector.Protect("crm", Secret);
        var second = protector.Protect("crm", Secret);

        Assert.StartsWith("enc1:", first, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret["whsec_".Length..][..8], first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(Secret, protector.Unprotect("crm", first, out var problem));
        Assert.Null(problem);
        Assert.True(protector.Encrypts);
    }

    [Fact]
    public void A_value_copied_onto_another_webhook_does_not_decrypt()
    {
        var protector = With(Key);
        var stored = protector.Protect("crm", Secret);

        Assert.Null(protector.Unprotect("erp", stored, out var problem));
        Assert.Contains("does not belong to this webhook or was altered", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_value_does_not_decrypt()
    {
        var protector = With(Key);
        var stored = protector.Protect("crm", Secret);
        var altered = stored[..^3] + (stored[^3] == 'A' ? 'B' : 'A') + stored[^2..];

        Assert.Null(protector.Unprotect("crm", altered, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_value_stored_under_another_key_or_with_the_key_removed_says_which_and_what_to_do()
    {
        var stored = With(Key).Protect("crm", Secret);

        Assert.Null(With(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Unprotect("crm", stored, out var otherKey));
        Assert.Null(With(null).Unprotect("crm", stored, out var noKey));

        Assert.Equal("The stored secret was encrypted under another Webhooks__SecretKey: PUT the webhook again with its secret.", otherKey);
        Assert.StartsWith("The stored secret is encrypted, but Webhooks__SecretKey is not set", noKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_secrets_are_stored_as_given_and_a_secret_stored_so_reads_under_a_key_too()
    {
        var plain = With(null).Protect("crm", Secret);

        Assert.Equal(Secret, plain);
        Assert.False(With(null).Encrypts);
        Assert.Equal(Secret, With(Key).Unprotect("crm", plain, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("c2hvcnQ=", false)]
    [InlineData("not base64 at all", false)]
    public void The_key_setting_is_base64_of_32_bytes_or_unset(string? setting, bool valid)
    {
        Assert.Equal(valid, WebhookSecretProtector.IsValidKeySetting(setting));
        Assert.True(WebhookSecretProtector.IsValidKeySetting(Key));
    }

    [Theory]
    [InlineData(true, false, 1)]
    [InlineData(true, true, 0)]
    [InlineData(false, false, 0)]
    public async Task At_start_up_in_azure_without_a_key_one_warning_says_secrets_are_stored_unencrypted_and_how_to_set_the_key(bool inAzure, bool withKey, int expected)
    {
        var log = new RecordingLoggerProvider();
        using var services = Services(new() { [AzureDeployment.SiteNameSetting] = inAzure ? "func-infoflopay" : null, ["Webhooks:SecretKey"] = withKey ? Key : null }, log);

        foreach (var hosted in services.GetServices<IHostedService>().OfType<WebhookSecretKeyStartupWarning>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var warnings = log.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message).ToList();
        Assert.Equal(expected, warnings.Count);
        if (expected > 0)
        {
            Assert.Contains("stored unencrypted", warnings[0], StringComparison.Ordinal);
            Assert.Contains("WEBHOOK_SECRET_KEY_SECRET_URI", warnings[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_key_that_is_not_base64_of_32_bytes_stops_the_host_saying_so()
    {
        using var services = Services(new() { ["Webhooks:SecretKey"] = "c2hvcnQ=" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("Webhooks:SecretKey must be base64 of 32 random bytes.", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, ILoggerProvider? log = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => { if (log is not null) { logging.AddProvider(log); } })
            .AddWebhooks(configuration)
            .BuildServiceProvider();
    }
}
