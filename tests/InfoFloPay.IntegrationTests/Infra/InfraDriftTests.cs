using InfoFloPay.Functions;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The compiled infra/main.bicep against what the code needs: the built functions.metadata (triggers, their entities,
/// connections and %settings%) and the options sections the Function App binds.
/// </summary>
public sealed class InfraDriftTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private readonly CompiledTemplate _template = main.Template;

    [Fact]
    public void Every_service_bus_trigger_names_an_entity_and_an_identity_connection_that_the_template_creates()
    {
        var problems = InfraDriftRules.ServiceBusProblems(FunctionMetadata.LoadBuilt(), _template);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_setting_the_code_reads_is_an_app_setting()
    {
        var sections = InfraDriftRules.DiscoverOptionsSections(typeof(HelpdeskServiceCollectionExtensions).Assembly);

        var problems = InfraDriftRules.SettingProblems(FunctionMetadata.LoadBuilt(), sections, _template);

        Assert.Contains(sections, s => s.Name == "Support");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_app_setting_carries_a_key_sas_or_connection_string_secret()
    {
        var problems = InfraDriftRules.SecretProblems(_template);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_role_assignment_is_on_one_resource_and_grants_the_documented_guid_of_the_role_it_names()
    {
        var problems = InfraDriftRules.RoleAssignmentProblems(_template);

        // Identity: blob, attachments blob, queue, table, Service Bus (owner), metrics, email; deploying user: table, Service Bus.
        Assert.Equal(9, _template.RoleAssignments.Count);
        Assert.Contains(_template.RoleAssignments, a => a.Description?.StartsWith("Azure Service Bus Data Owner:", StringComparison.Ordinal) == true);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_service_bus_topology_is_created_with_dead_lettering_and_duplicate_detection()
    {
        Assert.Contains("helpdesk-events", _template.Topics);
        Assert.Equal(["helpdesk-events/assignments", "helpdesk-events/notifications", "helpdesk-events/webhooks"], _template.Subscriptions.Order());

        var entities = _template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions")
            .Concat(_template.OfType("Microsoft.ServiceBus/namespaces/queues")).ToList();
        Assert.All(entities, e =>
        {
            Assert.Equal(10L, e.Property("properties.maxDeliveryCount"));
            Assert.Equal(true, e.Property("properties.deadLetteringOnMessageExpiration"));
        });
        Assert.All(_template.OfType("Microsoft.ServiceBus/namespaces/topics"), t =>
        {
            Assert.Equal(true, t.Property("properties.requiresDuplicateDetection"));
            Assert.Equal("PT10M", t.Property("properties.duplicateDetectionHistoryTimeWindow"));
        });
        Assert.All(_template.OfType("Microsoft.ServiceBus/namespaces"), n => Assert.Equal(true, n.Property("properties.disableLocalAuth")));
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_flex_consumption_and_azd_finds_it_by_tag()
    {
        var site = Assert.Single(_template.OfType("Microsoft.Web/sites"));
        var plan = Assert.Single(_template.OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", plan.Property("sku.name"));
        Assert.Equal("dotnet-isolated", site.Property("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.Property("properties.functionAppConfig.runtime.version"));
        Assert.Equal("UserAssignedIdentity", site.Property("properties.functionAppConfig.deployment.storage.authentication.type"));
        var tags = Assert.IsType<Dictionary<string, object?>>(site.Property("tags"));
        Assert.Equal("api", tags["azd-service-name"]);
        Assert.Contains("azd-env-name", tags.Keys);
    }

    [Fact]
    public void Storage_service_bus_and_telemetry_accept_only_entra_id()
    {
        Assert.All(_template.OfType("Microsoft.Storage/storageAccounts"), s => Assert.Equal(false, s.Property("properties.allowSharedKeyAccess")));
        Assert.All(_template.OfType("Microsoft.Insights/components"), a => Assert.Equal(true, a.Property("properties.DisableLocalAuth")));
        Assert.Equal("managedidentity", _template.AppSettings["AzureWebJobsStorage__credential"]);
        Assert.Equal("managedidentity", _template.AppSettings["ServiceBusConnection__credential"]);
        Assert.Equal("managedidentity", _template.AppSettings["Email__Credential"]);
    }
}
