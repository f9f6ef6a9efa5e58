using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>infra/main.bicep compiled once per test run by the real Bicep CLI.</summary>
public sealed class CompiledMainTemplate
{
    public CompiledTemplate Template { get; } =
        new(BicepCli.Build(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep")));
}
