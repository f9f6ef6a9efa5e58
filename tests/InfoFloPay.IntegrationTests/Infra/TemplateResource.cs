using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>One resource instance in a compiled template (loops expanded), with its name evaluated as far as possible.</summary>
public sealed record TemplateResource(string Type, string Name, JsonObject Declaration, TemplateScope Scope)
{
    /// <summary>False when its condition (or its module's) is false with the template's parameter values.</summary>
    public bool Deployed { get; init; } = true;

    public object? Property(string path)
    {
        JsonNode? node = Declaration;
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        return ArmExpression.Evaluate(node, Scope);
    }

    /// <summary>The last <paramref name="count"/> segments of the name (e.g. topic and subscription).</summary>
    public IReadOnlyList<string> NameTail(int count) => Name.Split('/').TakeLast(count).ToList();
}
