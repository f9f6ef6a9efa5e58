using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// Each drift rule fed a small template/metadata pair that breaks it, next to the same pair unbroken, so every rule
/// is shown to fail for the reason it exists (and not merely to pass on today's template).
/// </summary>
public sealed class InfraDriftRulesTests
{
    private const string Storage = "Microsoft.Storage/storageAccounts/st1";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    private static readonly string NotificationsTrigger = """
        [{
          "name": "SendTicketNotifications",
          "bindings": [{
            "name": "message", "direction": "In", "type": "serviceBusTrigger",
            "topicName": "%HELPDESK_EVENTS_TOPIC%", "subscriptionName": "%NOTIFICATIONS_SUBSCRIPTION%",
            "connection": "ServiceBusConnection", "properties": {}
          }]
        }]
        """;

    [Fact]
    public void A_consistent_pair_has_no_problems()
    {
        var template = Template();
        var bindings = FunctionMetadata.Parse(NotificationsTrigger);

        Assert.Empty(InfraDriftRules.ServiceBusProblems(bindings, template));
        Assert.Empty(InfraDriftRules.SettingProblems(bindings, [new OptionsSection("Support", "SupportRosterOptions", [])], template));
        Assert.Empty(InfraDriftRules.SecretProblems(template));
        Assert.Empty(InfraDriftRules.RoleAssignmentProblems(template));
    }

    [Fact]
    public void A_trigger_on_a_subscription_the_template_lacks_is_reported()
    {
        var bindings = FunctionMetadata.Parse(NotificationsTrigger.Replace("%NOTIFICATIONS_SUBSCRIPTION%", "triage", StringComparison.Ordinal));

        var problem = Assert.Single(InfraDriftRules.ServiceBusProblems(bindings, Template()));

        Assert.Contains("subscription 'triage' on topic 'helpdesk-events'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_on_a_queue_the_template_lacks_is_reported()
    {
        var bindings = FunctionMetadata.Parse("""
            [{ "name": "SendEmail", "bindings": [{ "name": "m", "type": "serviceBusTrigger", "direction": "In",
               "queueName": "email-outbound", "connection": "ServiceBusConnection" }] }]
            """);

        var problem = Assert.Single(InfraDriftRules.ServiceBusProblems(bindings, Template()));

        Assert.Contains("queue 'email-outbound'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_setting_missing_from_the_app_settings_is_reported()
    {
        var template = Template(settings => settings.Remove("NOTIFICATIONS_SUBSCRIPTION"));
        var bindings = FunctionMetadata.Parse(NotificationsTrigger);

        Assert.Contains(InfraDriftRules.ServiceBusProblems(bindings, template), p => p.Contains("%NOTIFICATIONS_SUBSCRIPTION%", StringComparison.Ordinal));
        Assert.Contains(InfraDriftRules.SettingProblems(bindings, [], template), p => p.Contains("%NOTIFICATIONS_SUBSCRIPTION%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_without_its_identity_based_namespace_setting_is_reported()
    {
        var bindings = FunctionMetadata.Parse(NotificationsTrigger.Replace("\"ServiceBusConnection\"", "\"OtherBus\"", StringComparison.Ordinal));

        var problem = Assert.Single(InfraDriftRules.ServiceBusProblems(bindings, Template()));

        Assert.Contains("OtherBus__fullyQualifiedNamespace", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_schedule_setting_missing_from_the_app_settings_is_reported()
    {
        var bindings = FunctionMetadata.Parse("""
            [{ "name": "SweepSla", "bindings": [{ "name": "timer", "type": "timerTrigger", "direction": "In", "schedule": "%SLA_SWEEP_SCHEDULE%" }] }]
            """);

        var problem = Assert.Single(InfraDriftRules.SettingProblems(bindings, [], Template()));

        Assert.Contains("%SLA_SWEEP_SCHEDULE%", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_options_section_with_no_settings_or_a_missing_required_key_is_reported()
    {
        var problems = InfraDriftRules.SettingProblems([], [
            new OptionsSection("Email", "EmailOptions", []),
            new OptionsSection("Support", "SupportRosterOptions", ["Support__Escalation__Webhook"]),
        ], Template());

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Email'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Support__Escalation__Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_keys_are_found_on_nested_options_by_reflection()
    {
        var section = Assert.Single(InfraDriftRules.DiscoverOptionsSections(typeof(InfraDriftRulesTests).Assembly), s => s.Name == SampleOptions.SectionName);

        Assert.Equal(["Sample__Endpoint", "Sample__Owner__Email"], section.RequiredKeys.Order());
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=abc==")]
    [InlineData("Endpoint=sb://sb1.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc=")]
    [InlineData("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2023-01-01').keys[0].value]")]
    [InlineData("endpoint=https://acs1.communication.azure.com/;accesskey=abc==")]
    [InlineData("https://st1.blob.core.windows.net/c?sv=2022-11-02&sig=abc")]
    public void A_secret_in_an_app_setting_is_reported(string value)
    {
        var template = Template(settings => settings["Email__ConnectionString2"] = value);

        var problem = Assert.Single(InfraDriftRules.SecretProblems(template));

        Assert.Contains("Email__ConnectionString2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_setting_for_host_storage_is_reported()
    {
        var template = Template(settings => settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true");

        Assert.Contains(InfraDriftRules.SecretProblems(template), p => p.StartsWith("App setting AzureWebJobsStorage is a connection-string setting", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_assignment_without_a_resource_scope_is_reported()
    {
        var template = Template(roles: [RoleAssignment(scope: null, TableDataContributor)]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("whole resource group or subscription", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_scoped_role_assignment_is_reported()
    {
        var template = Template(roles: [RoleAssignment("[subscription().id]", TableDataContributor)]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("not one resource", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_outside_the_built_in_role_table_is_reported()
    {
        var template = Template(roles: [RoleAssignment(Storage, Owner, "Owner: everything")]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("'Owner', which is not in InfraDriftRules.BuiltInRoles", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guid_that_is_not_the_role_the_assignment_names_is_reported()
    {
        // The GUID main.bicep once carried for Monitoring Metrics Publisher: no such role exists, so the deployment failed.
        var template = Template(roles: [RoleAssignment("Microsoft.Insights/components/appi1", "3913510d-42f4-4e42-8a23-e8e0ea1e7bd6", "Monitoring Metrics Publisher: telemetry")]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("the documented GUID of Monitoring Metrics Publisher is 3913510d-42f4-4e42-8a64-420c390055eb", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_role_assignment_whose_description_does_not_name_the_role_is_reported()
    {
        var template = Template(roles: [RoleAssignment(Storage, TableDataContributor, "tables")]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("without naming the role", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_role_with_more_than_email_sending_is_reported()
    {
        var template = Template(roles: [RoleAssignment(Storage, "[guid('email-sender')]")], customRoleActions: ["Microsoft.Communication/CommunicationServices/ListKeys/action"]);

        var problem = Assert.Single(InfraDriftRules.RoleAssignmentProblems(template));

        Assert.Contains("ListKeys", problem, StringComparison.Ordinal);
    }

    private static JsonObject RoleAssignment(string? scope, string role, string description = "Storage Table Data Contributor: tables")
    {
        var assignment = new JsonObject
        {
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["name"] = "[guid('scope', 'principal', 'role')]",
            ["properties"] = new JsonObject
            {
                ["principalId"] = "[reference('identity').outputs.principalId.value]",
                ["roleDefinitionId"] = role.StartsWith('[')
                    ? $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', {role[1..^1]})]"
                    : $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{role}')]",
                ["description"] = description,
            },
        };
        if (scope is not null)
        {
            assignment["scope"] = scope;
        }

        return assignment;
    }

    /// <summary>A template shaped like compiled Bicep: one Service Bus topology, one app's settings, role assignments.</summary>
    private static CompiledTemplate Template(
        Action<JsonObject>? changeSettings = null,
        JsonObject[]? roles = null,
        string[]? customRoleActions = null)
    {
        var settings = new JsonObject
        {
            ["AzureWebJobsStorage__accountName"] = "[reference('storage').outputs.name.value]",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "[reference('serviceBus').outputs.fullyQualifiedNamespace.value]",
            ["HELPDESK_EVENTS_TOPIC"] = "helpdesk-events",
            ["NOTIFICATIONS_SUBSCRIPTION"] = "notifications",
            ["Support__SupportAddress"] = "support@infoflopay.example",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "[reference('monitoring').outputs.applicationInsightsConnectionString.value]",
        };
        changeSettings?.Invoke(settings);

        var resources = new JsonArray
        {
            new JsonObject { ["type"] = "Microsoft.ServiceBus/namespaces/topics", ["name"] = "[format('{0}/{1}', parameters('ns'), variables('topics')[copyIndex()])]", ["copy"] = new JsonObject { ["name"] = "t", ["count"] = "[length(variables('topics'))]" } },
            new JsonObject { ["type"] = "Microsoft.ServiceBus/namespaces/topics/subscriptions", ["name"] = "[format('{0}/{1}/{2}', parameters('ns'), 'helpdesk-events', 'notifications')]" },
            new JsonObject { ["type"] = "Microsoft.Web/sites/config", ["name"] = "app1/appsettings", ["properties"] = settings },
            RoleAssignment(Storage, TableDataContributor),
            new JsonObject
            {
                ["type"] = "Microsoft.Authorization/roleDefinitions",
                ["name"] = "[guid('email-sender')]",
                ["properties"] = new JsonObject
                {
                    ["permissions"] = new JsonArray(new JsonObject
                    {
                        ["actions"] = new JsonArray([.. (customRoleActions ?? ["Microsoft.Communication/CommunicationServices/Read"]).Select(a => (JsonNode)a)]),
                    }),
                },
            },
        };
        foreach (var role in roles ?? [])
        {
            resources.Add(role);
        }

        return new CompiledTemplate(new JsonObject
        {
            ["parameters"] = new JsonObject { ["ns"] = new JsonObject { ["type"] = "string" } },
            ["variables"] = new JsonObject { ["topics"] = new JsonArray("helpdesk-events") },
            ["resources"] = resources,
        });
    }

    private sealed class SampleOptions
    {
        public const string SectionName = "Sample";

        [System.ComponentModel.DataAnnotations.Required]
        public string Endpoint { get; init; } = "";

        public SamplePerson Owner { get; init; } = new();

        public List<SamplePerson> Others { get; init; } = [];
    }

    private sealed class SamplePerson
    {
        [System.ComponentModel.DataAnnotations.Required]
        public string Email { get; init; } = "";
    }
}
