using InfoFloPay.Functions.Operations.Telemetry;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// What the compiled template gives operations: the workspace's daily cap, diagnostic settings to Log Analytics, the
/// alerts and the availability test with the Operations Manager's action group, the table endpoint taken from the
/// account, and the optional private network (issue #12).
/// </summary>
public sealed class OperationsTemplateTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private const string DiagnosticSettings = "Microsoft.Insights/diagnosticSettings";

    private readonly CompiledTemplate _template = main.Template;

    [Fact]
    public void The_workspace_has_a_daily_cap_set_by_a_parameter()
    {
        Assert.True(_template.Parameters.ContainsKey("logAnalyticsDailyCapGb"));
        var workspace = Assert.Single(_template.OfType("Microsoft.OperationalInsights/workspaces"));
        Assert.Equal(1L, workspace.Property("properties.workspaceCapping.dailyQuotaGb"));

        var capped = main.With(new Dictionary<string, object?> { ["logAnalyticsDailyCapGb"] = 5L });
        Assert.Equal(5L, Assert.Single(capped.OfType("Microsoft.OperationalInsights/workspaces")).Property("properties.workspaceCapping.dailyQuotaGb"));
    }

    [Theory]
    [InlineData("/Microsoft.Web/sites/", true, true)]
    [InlineData("/Microsoft.ServiceBus/namespaces/", true, true)]
    [InlineData("/Microsoft.Storage/storageAccounts/", false, true)]
    [InlineData("/blobServices/default", true, false)]
    [InlineData("/tableServices/default", true, false)]
    [InlineData("/queueServices/default", true, false)]
    public void Diagnostic_settings_send_each_resource_to_log_analytics(string scope, bool logs, bool metrics)
    {
        var setting = Assert.Single(_template.OfType(DiagnosticSettings), s => ScopeOf(s).Contains(scope, StringComparison.Ordinal)
            && (scope != "/Microsoft.Storage/storageAccounts/" || !ScopeOf(s).Contains("Services/", StringComparison.Ordinal)));

        Assert.Equal("[reference('monitoring').outputs.logAnalyticsResourceId.value]", ArmExpression.Render(setting.Property("properties.workspaceId")));
        Assert.Equal(logs, setting.Property("properties.logs") is List<object?> { Count: > 0 });
        Assert.Equal(metrics, setting.Property("properties.metrics") is List<object?> { Count: > 0 });
    }

    [Fact]
    public void The_dead_letter_counter_knows_the_delivery_count_after_which_service_bus_dead_letters()
    {
        var entities = _template.OfType("Microsoft.ServiceBus/namespaces/queues").Concat(_template.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions")).ToList();

        Assert.NotEmpty(entities);
        Assert.All(entities, entity => Assert.Equal((long)HelpdeskMetrics.MaxDeliveryCount, entity.Property("properties.maxDeliveryCount")));
    }

    [Fact]
    public void The_action_group_mails_the_operations_manager()
    {
        var group = Assert.Single(_template.OfType("Microsoft.Insights/actionGroups"));

        var receiver = Assert.Single(Assert.IsType<List<object?>>(group.Property("properties.emailReceivers")).Cast<Dictionary<string, object?>>());
        Assert.Equal("[parameters('operationsManagerEmail')]", ArmExpression.Render(receiver["emailAddress"]));
    }

    [Fact]
    public void Dead_lettered_messages_alert_on_the_service_bus_namespace_above_zero()
    {
        var alert = Assert.Single(_template.OfType("Microsoft.Insights/metricAlerts"), a => a.Name.EndsWith("-dead-lettered-messages", StringComparison.Ordinal));

        Assert.Equal("[reference('serviceBus').outputs.resourceId.value]", ArmExpression.Render(Assert.Single(Scopes(alert))));
        var criterion = Assert.Single(Assert.IsType<List<object?>>(alert.Property("properties.criteria.allOf")).Cast<Dictionary<string, object?>>());
        Assert.Equal(("DeadletteredMessages", "GreaterThan", 0L), (criterion["metricName"], criterion["operator"], criterion["threshold"]));
        AssertNotifiesTheActionGroup(alert.Property("properties.actions"));
    }

    [Theory]
    [InlineData("-function-failures", "requests | where success == false")]
    [InlineData("-http-5xx", "requests | where toint(resultCode) >= 500")]
    [InlineData("-sla-breaches", "customMetrics | where name == \"infoflopay.sla.breaches\"")]
    public void Log_alerts_query_application_insights(string suffix, string query)
    {
        var alert = Assert.Single(_template.OfType("Microsoft.Insights/scheduledQueryRules"), a => a.Name.EndsWith(suffix, StringComparison.Ordinal));

        Assert.Equal("[reference('monitoring').outputs.applicationInsightsResourceId.value]", ArmExpression.Render(Assert.Single(Scopes(alert))));
        var criterion = Assert.Single(Assert.IsType<List<object?>>(alert.Property("properties.criteria.allOf")).Cast<Dictionary<string, object?>>());
        Assert.StartsWith(query, Assert.IsType<string>(criterion["query"]), StringComparison.Ordinal);
        var groups = Assert.IsType<List<object?>>(alert.Property("properties.actions.actionGroups"));
        Assert.Contains("Microsoft.Insights/actionGroups", ArmExpression.Render(Assert.Single(groups)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_availability_test_calls_health_and_its_alert_notifies_the_action_group()
    {
        var test = Assert.Single(_template.OfType("Microsoft.Insights/webtests"));
        Assert.Equal("standard", test.Property("kind"));
        var url = ArmExpression.Render(test.Property("properties.Request.RequestUrl"));
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.Contains("reference('functionApp').outputs.defaultHostName.value", url, StringComparison.Ordinal);
        Assert.EndsWith("/api/health", url, StringComparison.Ordinal);
        Assert.Equal(200L, test.Property("properties.ValidationRules.ExpectedHttpStatusCode"));
        // The hidden-link tag ties the test to the component (the portal's Availability blade shows it there).
        Assert.Contains("hidden-link:", test.Declaration["tags"]!.ToJsonString(), StringComparison.Ordinal);

        var alert = Assert.Single(_template.OfType("Microsoft.Insights/metricAlerts"), a => a.Name.EndsWith("-health-unavailable", StringComparison.Ordinal));
        Assert.Equal("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", Criteria(alert)["odata.type"]);
        Assert.Contains("Microsoft.Insights/webtests", ArmExpression.Render(Criteria(alert)["webTestId"]), StringComparison.Ordinal);
        AssertNotifiesTheActionGroup(alert.Property("properties.actions"));
    }

    [Fact]
    public void The_app_reads_tables_at_the_endpoint_the_storage_account_reports()
    {
        var setting = ArmExpression.Render(_template.AppSettings["AzureWebJobsStorage__tableServiceUri"]);

        Assert.Equal("[reference('storage').outputs.tableEndpoint.value]", setting);
        var storage = Assert.Single(_template.OfType("Microsoft.Resources/deployments"), d => d.Name.StartsWith("storage", StringComparison.Ordinal));
        var output = storage.Declaration["properties"]!["template"]!["outputs"]!["tableEndpoint"]!["value"]!.GetValue<string>();
        Assert.Contains("primaryEndpoints.table", output, StringComparison.Ordinal);
        Assert.DoesNotContain("core.windows.net", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_vnet_enabled_no_network_resource_is_deployed_and_the_app_is_not_integrated()
    {
        Assert.False(_template.Parameters["vnetEnabled"]!["defaultValue"]!.GetValue<bool>());
        Assert.Empty(_template.Deployed("Microsoft.Network/virtualNetworks"));
        Assert.Empty(_template.Deployed("Microsoft.Network/privateEndpoints"));
        Assert.Empty(_template.Deployed("Microsoft.Network/privateDnsZones"));
        Assert.Null(Assert.Single(_template.OfType("Microsoft.Web/sites")).Property("properties.virtualNetworkSubnetId"));
    }

    [Fact]
    public void With_vnet_enabled_storage_gets_blob_table_and_queue_private_endpoints_with_dns_and_the_app_joins_the_subnet()
    {
        var template = main.With(new Dictionary<string, object?> { ["vnetEnabled"] = true });

        var vnet = Assert.Single(template.Deployed("Microsoft.Network/virtualNetworks"));
        var subnets = Assert.IsType<List<object?>>(vnet.Property("properties.subnets")).Cast<Dictionary<string, object?>>().ToList();
        var app = Assert.Single(subnets, s => (string?)s["name"] == "app");
        Assert.Contains("Microsoft.App/environments", System.Text.Json.JsonSerializer.Serialize(app["properties"]), StringComparison.Ordinal);

        var endpoints = template.Deployed("Microsoft.Network/privateEndpoints").ToList();
        Assert.Equal(["blob", "queue", "table"], endpoints.Select(GroupId).Order(StringComparer.Ordinal));
        Assert.All(endpoints, endpoint =>
        {
            var connection = Assert.Single(Assert.IsType<List<object?>>(endpoint.Property("properties.privateLinkServiceConnections")).Cast<Dictionary<string, object?>>());
            var target = ArmExpression.Render(((Dictionary<string, object?>)connection["properties"]!)["privateLinkServiceId"]);
            Assert.Contains("/Microsoft.Storage/storageAccounts/", target, StringComparison.Ordinal);
        });

        var zones = template.Deployed("Microsoft.Network/privateDnsZones").Select(z => z.Name).ToList();
        Assert.Equal(3, zones.Count);
        Assert.All(["blob", "table", "queue"], service => Assert.Contains(zones, zone => zone.StartsWith($"privatelink.{service}.", StringComparison.Ordinal)));
        Assert.Equal(3, template.Deployed("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Count());
        Assert.Equal(3, template.Deployed("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Count());

        // The site module is given the network module's app subnet, and sets it as virtualNetworkSubnetId when not empty.
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal("[reference('network').outputs.appSubnetResourceId.value]", ArmExpression.Render(site.Scope.Parameter("virtualNetworkSubnetId")));
        Assert.Contains("parameters('virtualNetworkSubnetId')", ArmExpression.Render(site.Property("properties.virtualNetworkSubnetId")), StringComparison.Ordinal);
        // Service Bus stays on its public endpoint: a private one needs the Premium tier (docs/deploy.md).
        Assert.DoesNotContain(endpoints, e => GroupId(e) == "namespace");
    }

    private static string GroupId(TemplateResource endpoint)
    {
        var connection = Assert.Single(Assert.IsType<List<object?>>(endpoint.Property("properties.privateLinkServiceConnections")).Cast<Dictionary<string, object?>>());
        var groups = (List<object?>)((Dictionary<string, object?>)connection["properties"]!)["groupIds"]!;
        return ArmExpression.Render(Assert.Single(groups));
    }

    private static string ScopeOf(TemplateResource setting) => ArmExpression.Render(setting.Property("scope"));

    private static List<object?> Scopes(TemplateResource alert) => Assert.IsType<List<object?>>(alert.Property("properties.scopes"));

    private static Dictionary<string, object?> Criteria(TemplateResource alert) => Assert.IsType<Dictionary<string, object?>>(alert.Property("properties.criteria"));

    private static void AssertNotifiesTheActionGroup(object? actions)
    {
        var action = Assert.Single(Assert.IsType<List<object?>>(actions).Cast<Dictionary<string, object?>>());
        Assert.Contains("Microsoft.Insights/actionGroups", ArmExpression.Render(action["actionGroupId"]), StringComparison.Ordinal);
    }
}
