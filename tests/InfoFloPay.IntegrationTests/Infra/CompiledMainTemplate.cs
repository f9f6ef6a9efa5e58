using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>infra/main.bicep compiled once per test run by the real Bicep CLI.</summary>
public sealed class CompiledMainTemplate
{
    private readonly JsonObject _json = BicepCli.Build(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));

    public CompiledMainTemplate() => Template = new CompiledTemplate(_json);

    /// <summary>The template with every parameter at its default.</summary>
    public CompiledTemplate Template { get; }

    /// <summary>The same template as deployed with these parameter values (the rest at their defaults).</summary>
    public CompiledTemplate With(IReadOnlyDictionary<string, object?> parameterValues) => new(_json, parameterValues);
}
