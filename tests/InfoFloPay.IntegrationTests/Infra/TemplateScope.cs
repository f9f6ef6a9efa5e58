using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>Where an expression is evaluated: one template, the parameter values its deployment was given, the loop index.</summary>
public sealed class TemplateScope(JsonObject template, IReadOnlyDictionary<string, object?> parameterValues)
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);

    public JsonObject Template { get; } = template;

    public long? CopyIndex { get; private init; }

    public TemplateScope WithCopyIndex(long index) =>
        new(Template, parameterValues) { CopyIndex = index };

    public object? Parameter(string name)
    {
        if (parameterValues.TryGetValue(name, out var value))
        {
            return value;
        }

        var declared = Template["parameters"]?[name];
        return declared?["defaultValue"] is { } defaultValue ? ArmExpression.Evaluate(defaultValue, this) : new Unknown($"parameters('{name}')");
    }

    public object? Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
        {
            var declared = Template["variables"]?.AsObject().FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            value = declared is null ? new Unknown($"variables('{name}')") : ArmExpression.Evaluate(declared, this);
            _variables[name] = value;
        }

        return value;
    }
}
