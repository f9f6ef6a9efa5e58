using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The rules that keep infra/main.bicep and the code from drifting apart. Each returns the problems it finds, one
/// readable sentence each, so a failing test says what to add where.
/// </summary>
public static partial class InfraDriftRules
{
    /// <summary>
    /// Built-in roles the template may assign, by documented name → GUID, copied from the Azure built-in roles reference
    /// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles: Storage, Integration and Monitor
    /// sections). Every role assignment's description starts with the role's name ("Storage Blob Data Owner: ..."), and
    /// the GUID it grants must be the one listed here under that name. A role not listed (Owner, Contributor...) fails.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInRoles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // host leases, timer state, deployment package
        ["Storage Blob Data Contributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // ticket attachments
        ["Storage Queue Data Contributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["Azure Service Bus Data Owner"] = "090c5cfd-751d-490a-894a-3ce6f1109419", // the Flex scaler reads message counts (Manage)
        ["Azure Service Bus Data Receiver"] = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
        ["Azure Service Bus Data Sender"] = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
        ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
    };

    /// <summary>Actions a custom role in the template may grant: exactly what sending email through ACS with Entra ID needs.</summary>
    public static readonly IReadOnlySet<string> AllowedCustomRoleActions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Communication/CommunicationServices/Read",
        "Microsoft.Communication/CommunicationServices/Write",
        "Microsoft.Communication/EmailServices/write",
    };

    /// <summary>
    /// Options sections that may be absent from the app settings because every value has a safe default.
    /// Add a section here only with the reason; everything else the code binds must be set by the template.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OptionalSections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // e.g. ["Triage"] = "keyword rules ship in the package; settings only override them",
        ["Desk"] = "Desk__PublicBaseUrl (email links) defaults to https://{WEBSITE_HOSTNAME}, the Function App's own host name",
        ["RateLimits"] = "the per-caller limits' defaults (README, Rate limits) are the production values; settings only tune them",
        ["Webhooks"] = "every webhook setting has a default (README, Webhooks); private targets and http are refused in Azure unless set",
        ["Storage"] = "the storage time budget's defaults (README, Trust boundary) are the production values; settings only tune them",
    };

    /// <summary>App settings whose value may look like a connection string because it is not a secret.</summary>
    private static readonly HashSet<string> NonSecretConnectionSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    /// <summary>Checks every Service Bus binding: its entities exist in the template and its connection is identity-based there.</summary>
    public static IReadOnlyList<string> ServiceBusProblems(IEnumerable<FunctionBinding> bindings, CompiledTemplate template)
    {
        var problems = new List<string>();
        var settings = template.AppSettings;
        foreach (var binding in bindings.Where(b => b.Type.StartsWith("serviceBus", StringComparison.OrdinalIgnoreCase)))
        {
            string? Entity(string property)
            {
                var raw = binding[property];
                if (raw is null)
                {
                    return null;
                }

                if (SettingReference().Match(raw) is { Success: true } reference)
                {
                    var setting = reference.Groups[1].Value;
                    if (!settings.TryGetValue(setting, out var value))
                    {
                        problems.Add($"{binding.Function}: {property} names setting %{setting}%, which is not an app setting in infra/main.bicep.");
                        return null;
                    }

                    if (value is not string name)
                    {
                        problems.Add($"{binding.Function}: setting {setting} must be a literal entity name in infra/main.bicep, not {ArmExpression.Render(value)}.");
                        return null;
                    }

                    return name;
                }

                return raw;
            }

            var queue = Entity("queueName");
            var topic = Entity("topicName");
            var subscription = Entity("subscriptionName");
            if (queue is not null && !template.Queues.Contains(queue))
            {
                problems.Add($"{binding.Function}: queue '{queue}' is not in the Service Bus topology in infra/main.bicep (serviceBusQueues).");
            }

            if (topic is not null && !template.Topics.Contains(topic))
            {
                problems.Add($"{binding.Function}: topic '{topic}' is not in the Service Bus topology in infra/main.bicep (serviceBusTopics).");
            }

            if (topic is not null && subscription is not null && !template.Subscriptions.Contains($"{topic}/{subscription}"))
            {
                problems.Add($"{binding.Function}: subscription '{subscription}' on topic '{topic}' is not in infra/main.bicep (serviceBusSubscriptions).");
            }

            var connection = binding["connection"] is { Length: > 0 } named ? named : "AzureWebJobsServiceBus";
            if (!settings.ContainsKey($"{connection}__fullyQualifiedNamespace"))
            {
                problems.Add($"{binding.Function}: connection '{connection}' needs app setting {connection}__fullyQualifiedNamespace (identity-based) in infra/main.bicep.");
            }
        }

        return problems;
    }

    /// <summary>Checks that every setting the code reads is set: %NAME% in bindings and the options sections it binds.</summary>
    public static IReadOnlyList<string> SettingProblems(IEnumerable<FunctionBinding> bindings, IEnumerable<OptionsSection> sections, CompiledTemplate template)
    {
        var problems = new List<string>();
        var settings = template.AppSettings;
        foreach (var binding in bindings)
        {
            foreach (Match reference in SettingReference().Matches(string.Join('\n', binding.StringValues)))
            {
                var setting = reference.Groups[1].Value;
                if (!settings.ContainsKey(setting))
                {
                    problems.Add($"{binding.Function}: binding '{binding.Binding["name"]}' reads %{setting}%, which is not an app setting in infra/main.bicep.");
                }
            }
        }

        foreach (var section in sections.Where(s => !OptionalSections.ContainsKey(s.Name)))
        {
            var prefix = section.Name.Replace(":", "__", StringComparison.Ordinal) + "__";
            if (!settings.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{section.OptionsType} binds section '{section.Name}', but infra/main.bicep sets no {prefix}* app setting " +
                             "(set them, or list the section in InfraDriftRules.OptionalSections with the reason).");
            }

            foreach (var key in section.RequiredKeys.Where(k => !settings.ContainsKey(k)))
            {
                problems.Add($"{section.OptionsType} requires {key}, which infra/main.bicep does not set.");
            }
        }

        return problems;
    }

    /// <summary>Checks that no app setting carries a key, SAS or connection-string secret.</summary>
    public static IReadOnlyList<string> SecretProblems(CompiledTemplate template)
    {
        var problems = new List<string>();
        foreach (var (name, value) in template.AppSettings)
        {
            var text = ArmExpression.Render(value);
            if (NonSecretConnectionSettings.Contains(name))
            {
                continue;
            }

            if (SecretValue().Match(text) is { Success: true } secret)
            {
                problems.Add($"App setting {name} carries a secret ('{secret.Value}' in {text}); use an identity-based connection.");
            }

            if (name is "AzureWebJobsStorage" or "AzureWebJobsServiceBus" || name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"App setting {name} is a connection-string setting; use {name}__accountName / __fullyQualifiedNamespace with a managed identity.");
            }
        }

        return problems;
    }

    /// <summary>Checks that every role assignment is made on one resource, with an allowed role, and named guid(scope, principal, role).</summary>
    public static IReadOnlyList<string> RoleAssignmentProblems(CompiledTemplate template)
    {
        var problems = new List<string>();
        var customRoles = template.CustomRoles;
        foreach (var (name, actions) in customRoles)
        {
            foreach (var action in actions.Where(a => !AllowedCustomRoleActions.Contains(a)))
            {
                problems.Add($"Custom role {name} grants '{action}', which is not in InfraDriftRules.AllowedCustomRoleActions.");
            }
        }

        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment.Scope is null)
            {
                problems.Add($"Role assignment {assignment.Where} has no scope, so it applies to the whole resource group or subscription; scope it to one resource.");
            }
            else if (!SingleResourceScope().IsMatch(assignment.Scope))
            {
                problems.Add($"Role assignment {assignment.Where} is scoped to '{assignment.Scope}', which is not one resource.");
            }

            var role = assignment.RoleDefinitionId.Split("/roleDefinitions/", 2) is [_, var id] ? id : assignment.RoleDefinitionId;
            if (!customRoles.ContainsKey(role))
            {
                problems.AddRange(BuiltInRoleProblems(assignment, role));
            }

            if (!assignment.NameExpression.StartsWith("[guid(", StringComparison.Ordinal))
            {
                problems.Add($"Role assignment {assignment.Where} is not named guid(scope, principalId, roleDefinitionId).");
            }
        }

        return problems;
    }

    private static IEnumerable<string> BuiltInRoleProblems(RoleAssignment assignment, string role)
    {
        var declared = assignment.Description?.Split(':', 2) is [var name, _] ? name.Trim() : null;
        if (declared is null)
        {
            yield return $"Role assignment {assignment.Where} grants '{role}' without naming the role: its description must start with the role's documented name and a colon.";
        }
        else if (!BuiltInRoles.TryGetValue(declared, out var documented))
        {
            yield return $"Role assignment {assignment.Where} names role '{declared}', which is not in InfraDriftRules.BuiltInRoles (add it with its documented GUID, if it is really needed).";
        }
        else if (!documented.Equals(role, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Role assignment {assignment.Where} says '{declared}' but grants '{role}'; the documented GUID of {declared} is {documented}.";
        }
    }

    /// <summary>Options classes in an assembly (a class with a public const string SectionName), with their [Required] keys.</summary>
    public static IReadOnlyList<OptionsSection> DiscoverOptionsSections(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass)
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x =>
            {
                var section = (string)x.Field!.GetRawConstantValue()!;
                return new OptionsSection(section, x.Type.Name, RequiredKeys(x.Type, section.Replace(":", "__", StringComparison.Ordinal), depth: 0).ToList());
            })
            .ToList();

    private static IEnumerable<string> RequiredKeys(Type type, string prefix, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}__{property.Name}";
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                yield return key;
            }

            var propertyType = property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                foreach (var nested in RequiredKeys(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"%([^%]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"AccountKey=|SharedAccessKey|SharedAccessSignature|[?&]sig=|listKeys\(|listConnectionStrings\(|listSecrets\(|listCredentials\(|accesskey|primaryKey|secondaryKey|password|clientSecret|\.outputs\.\w*(Key|Secret|Password|Sas)\w*\.value", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();

    /// <summary>A resource ID (or the relative form Bicep emits for extension scopes): provider namespace, type and name.</summary>
    [GeneratedRegex(@"^(/subscriptions/[^/]+(/resourceGroups/[^/]+)?)?/?(providers/)?Microsoft\.[A-Za-z]+/[A-Za-z]+/[^/]+(/[A-Za-z]+/[^/]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex SingleResourceScope();
}
