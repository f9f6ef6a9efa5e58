namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>The compiled template's App Service Authentication and instance size: what an unauthenticated caller and the bill see.</summary>
public sealed class AuthAndScaleTemplateTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private readonly CompiledTemplate _template = main.Template;

    [Fact]
    public void App_service_authentication_refuses_unauthenticated_calls_outside_the_anonymous_routes()
    {
        var auth = Assert.Single(_template.OfType("Microsoft.Web/sites/config"), c => c.Name.EndsWith("/authsettingsV2", StringComparison.Ordinal));

        Assert.Equal(true, auth.Property("properties.platform.enabled"));
        Assert.Equal(true, auth.Property("properties.globalValidation.requireAuthentication"));
        Assert.Equal("Return401", auth.Property("properties.globalValidation.unauthenticatedClientAction"));
        Assert.Equal(true, auth.Property("properties.identityProviders.azureActiveDirectory.enabled"));
        var excluded = Assert.IsType<List<object?>>(auth.Property("properties.globalValidation.excludedPaths")).Cast<string>().ToList();
        Assert.Equal(
            ["/api/acknowledge/*", "/api/console/*", "/api/health", "/api/inbound/email", "/api/monitoring/heartbeats/*", "/api/openapi.json", "/api/portal/*", "/api/status", "/api/status/*", "/status"],
            excluded.Order(StringComparer.Ordinal));
        // Nothing that reads or changes tickets is anonymous.
        Assert.DoesNotContain(excluded, p => p.StartsWith("/api/tickets", StringComparison.Ordinal) || p is "/*" or "/api/*");
        // Only the beat route of monitoring: targets are managed signed in.
        Assert.DoesNotContain(excluded, p => p.StartsWith("/api/monitoring", StringComparison.Ordinal) && p != "/api/monitoring/heartbeats/*");
    }

    [Fact]
    public void Instances_are_sized_at_512_mb_so_the_idle_timers_stay_inside_the_free_grant()
    {
        var site = Assert.Single(_template.OfType("Microsoft.Web/sites"));

        Assert.Equal(512L, site.Property("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
    }
}
