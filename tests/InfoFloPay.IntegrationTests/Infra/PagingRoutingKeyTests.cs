using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The PagerDuty routing key is a Key Vault reference the template itself sets (provisioning replaces the whole
/// app-settings list, so a hand-added setting would not survive the next deployment), resolved with the app's identity.
/// </summary>
public sealed class PagingRoutingKeyTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private const string SecretUri = "https://kv-infoflopay.vault.azure.net/secrets/pagerduty-routing-key";

    [Fact]
    public void Without_a_secret_uri_the_template_sets_no_routing_key()
    {
        Assert.DoesNotContain("Paging__RoutingKey", main.Template.AppSettings.Keys);
        Assert.Equal("infoflopay-helpdesk", main.Template.AppSettings["Paging__Source"]);
    }

    [Fact]
    public void With_a_secret_uri_the_routing_key_is_a_key_vault_reference_beside_the_other_settings()
    {
        var template = main.With(new Dictionary<string, object?> { ["pagingRoutingKeySecretUri"] = SecretUri });

        Assert.Equal($"@Microsoft.KeyVault(SecretUri={SecretUri})", template.AppSettings["Paging__RoutingKey"]);
        Assert.Equal("infoflopay-helpdesk", template.AppSettings["Paging__Source"]);
        Assert.Equal("managedidentity", template.AppSettings["Email__Credential"]);
        Assert.Empty(InfraDriftRules.SecretProblems(template));
    }

    [Fact]
    public void Key_vault_references_resolve_with_the_apps_user_assigned_identity()
    {
        var site = Assert.Single(main.Template.OfType("Microsoft.Web/sites"));

        // The identity's resource ID is only known at deployment, so both sides compare as the expression they evaluate to
        // (the identities object's key is itself an expression).
        var identities = Assert.IsType<Dictionary<string, object?>>(site.Property("identity.userAssignedIdentities"));
        var assigned = ArmExpression.Render(ArmExpression.EvaluateString(Assert.Single(identities.Keys), site.Scope));
        var referenceIdentity = ArmExpression.Render(site.Property("properties.keyVaultReferenceIdentity"));

        Assert.Equal("UserAssigned", site.Property("identity.type"));
        Assert.StartsWith("[reference('identity').outputs.resourceId", referenceIdentity, StringComparison.Ordinal);
        Assert.Equal(assigned, referenceIdentity);
    }

    [Fact]
    public void Azd_fills_the_secret_uri_from_an_environment_value_that_defaults_to_empty()
    {
        var parameters = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"));

        Assert.Contains("\"value\": \"${PAGING_ROUTING_KEY_SECRET_URI=}\"", parameters, StringComparison.Ordinal);
        Assert.Equal("", Assert.IsType<string>(main.Template.Parameters["pagingRoutingKeySecretUri"]?["defaultValue"]?.GetValue<string>()));
    }
}
