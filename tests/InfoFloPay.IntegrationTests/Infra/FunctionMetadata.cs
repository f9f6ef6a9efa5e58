using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>The functions.metadata the worker SDK generates for InfoFloPay.Functions: what the host will bind.</summary>
public static class FunctionMetadata
{
    public static IReadOnlyList<FunctionBinding> Parse(string json) =>
        JsonNode.Parse(json)!.AsArray()
            .Select(f => f!.AsObject())
            .SelectMany(f => f["bindings"]!.AsArray().Select(b => new FunctionBinding(f["name"]!.GetValue<string>(), b!.AsObject())))
            .ToList();

    /// <summary>The metadata from the Functions project's build output for the same configuration as these tests.</summary>
    public static IReadOnlyList<FunctionBinding> LoadBuilt()
    {
        // .../tests/InfoFloPay.IntegrationTests/bin/{Configuration}/{tfm}/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var framework = output.Name;
        var file = Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions", "bin", configuration, framework, "functions.metadata");
        return File.Exists(file)
            ? Parse(File.ReadAllText(file))
            : throw new InvalidOperationException($"No {file}: build functions/InfoFloPay.Functions ({configuration}) first.");
    }
}
