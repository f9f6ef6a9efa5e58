using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>The key that encrypts webhook secrets at rest is a Key Vault reference the template sets, or nothing.</summary>
public sealed class WebhookSecretKeyTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private const string SecretUri = "https://kv-infoflopay.vault.azure.net/secrets/webhook-secret-key";

    [Fact]
    public void Without_a_secret_uri_the_template_sets_no_key()
    {
        Assert.DoesNotContain("Webhooks__SecretKey", main.Template.AppSettings.Keys);
    }

    [Fact]
    public void With_a_secret_uri_the_key_is_a_key_vault_reference_and_no_secret_is_in_the_clear()
    {
        var template = main.With(new Dictionary<string, object?> { ["webhookSecretKeySecretUri"] = SecretUri });

        Assert.Equal($"@Microsoft.KeyVault(SecretUri={SecretUri})", template.AppSettings["Webhooks__SecretKey"]);
        Assert.Empty(InfraDriftRules.SecretProblems(template));
    }

    [Fact]
    public void Azd_fills_the_secret_uri_from_an_environment_value_that_defaults_to_empty()
    {
        var parameters = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"));

        Assert.Contains("\"value\": \"${WEBHOOK_SECRET_KEY_SECRET_URI=}\"", parameters, StringComparison.Ordinal);
        Assert.Equal("", Assert.IsType<string>(main.Template.Parameters["webhookSecretKeySecretUri"]?["defaultValue"]?.GetValue<string>()));
    }
}
