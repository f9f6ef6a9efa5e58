using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The ARM JSON that `bicep build` makes of infra/main.bicep, read the way Azure would deploy it: module deployments
/// are entered with the parameter values their parent passes, and resource loops are expanded.
/// </summary>
public sealed class CompiledTemplate
{
    /// <param name="template">The compiled template.</param>
    /// <param name="parameterValues">Values for its top-level parameters, as a parameters file would give them; the
    /// others keep their defaults (or stay unknown).</param>
    public CompiledTemplate(JsonObject template, IReadOnlyDictionary<string, object?>? parameterValues = null)
    {
        Parameters = template["parameters"]?.AsObject().ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase) ?? [];
        Outputs = template["outputs"]?.AsObject().Select(o => o.Key).ToList() ?? [];
        var values = new Dictionary<string, object?>(parameterValues ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
        Resources = Walk(new TemplateScope(template, values), "main", deployed: true).ToList();
    }

    /// <summary>The top-level template's parameter declarations.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    /// <summary>The top-level template's output names (azd turns them into environment values).</summary>
    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyList<TemplateResource> Resources { get; }

    /// <summary>App settings of every Function App in the template, by setting name.</summary>
    public IReadOnlyDictionary<string, object?> AppSettings =>
        Resources.Where(r => r.Type.Equals("Microsoft.Web/sites/config", StringComparison.OrdinalIgnoreCase) && r.Name.EndsWith("/appsettings", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Property("properties"))
            .OfType<Dictionary<string, object?>>()
            .SelectMany(settings => settings)
            .GroupBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public IReadOnlySet<string> Queues => Names("Microsoft.ServiceBus/namespaces/queues", 1);

    public IReadOnlySet<string> Topics => Names("Microsoft.ServiceBus/namespaces/topics", 1);

    /// <summary>Topic subscriptions as "topic/subscription".</summary>
    public IReadOnlySet<string> Subscriptions => Names("Microsoft.ServiceBus/namespaces/topics/subscriptions", 2);

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The resources of <paramref name="type"/> a deployment creates: those whose condition (or whose module's
    /// condition) is not false with these parameter values. <see cref="OfType"/> lists them all.</summary>
    public IEnumerable<TemplateResource> Deployed(string type) => OfType(type).Where(r => r.Deployed);

    public IReadOnlyList<RoleAssignment> RoleAssignments =>
        OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => new RoleAssignment(
                r.Name,
                r.Declaration["scope"] is null ? null : ArmExpression.Render(r.Property("scope")),
                ArmExpression.Render(r.Property("properties.roleDefinitionId")),
                r.Declaration["name"]?.GetValue<string>() ?? "",
                r.Property("properties.description") as string))
            .ToList();

    /// <summary>Custom role definitions in the template: rendered name (the role's GUID or its expression) and its actions.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CustomRoles =>
        OfType("Microsoft.Authorization/roleDefinitions").ToDictionary(
            r => r.Name,
            r => (IReadOnlyList<string>)(r.Property("properties.permissions") as List<object?> ?? [])
                .OfType<Dictionary<string, object?>>()
                .SelectMany(p => p.GetValueOrDefault("actions") as List<object?> ?? [])
                .Select(ArmExpression.Render)
                .ToList(),
            StringComparer.Ordinal);

    private HashSet<string> Names(string type, int segments) =>
        OfType(type).Select(r => string.Join('/', r.NameTail(segments))).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<TemplateResource> Walk(TemplateScope scope, string where, bool deployed)
    {
        var resources = scope.Template["resources"] switch
        {
            JsonObject byName => byName.Select(p => p.Value!.AsObject()),
            JsonArray list => list.Select(r => r!.AsObject()),
            _ => [],
        };

        foreach (var declaration in resources)
        {
            if (declaration["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            foreach (var instanceScope in Instances(declaration, scope))
            {
                var type = declaration["type"]!.GetValue<string>();
                var name = ArmExpression.Render(ArmExpression.Evaluate(declaration["name"], instanceScope));
                // A condition that evaluates to false skips the resource (and a module's whole content); unknown counts as deployed.
                var isDeployed = deployed && ArmExpression.Evaluate(declaration["condition"], instanceScope) is not false;
                yield return new TemplateResource(type, name, declaration, instanceScope) { Deployed = isDeployed };

                if (type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                    && declaration["properties"]?["template"] is JsonObject nested)
                {
                    var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (parameter, entry) in declaration["properties"]?["parameters"]?.AsObject() ?? [])
                    {
                        var evaluated = ArmExpression.Evaluate(entry, instanceScope);
                        values[parameter] = evaluated is Dictionary<string, object?> withValue && withValue.TryGetValue("value", out var value)
                            ? value
                            : new Unknown($"parameters('{parameter}')");
                    }

                    foreach (var inner in Walk(new TemplateScope(nested, values), $"{where}/{name}", isDeployed))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static IEnumerable<TemplateScope> Instances(JsonObject declaration, TemplateScope scope)
    {
        if (declaration["copy"] is not JsonObject copy)
        {
            return [scope];
        }

        var count = ArmExpression.Evaluate(copy["count"], scope);
        return count is long n
            ? Enumerable.Range(0, (int)n).Select(i => scope.WithCopyIndex(i))
            : throw new InvalidOperationException($"Loop count {ArmExpression.Render(count)} of {declaration["name"]} cannot be evaluated from the template alone.");
    }
}
