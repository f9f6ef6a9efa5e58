using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>One binding of one function, as the Functions host reads it from functions.metadata.</summary>
public sealed record FunctionBinding(string Function, JsonObject Binding)
{
    public string Type => Binding["type"]?.GetValue<string>() ?? "";

    public string? this[string property] =>
        Binding.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
        && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Every string value of the binding (settings can be named as %NAME% in any of them).</summary>
    public IEnumerable<string> StringValues => Binding.Select(p => p.Value).OfType<JsonValue>()
        .Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>();
}
