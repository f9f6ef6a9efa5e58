using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>The <c>functions.metadata</c> that the worker SDK generated when it built the Function App.</summary>
public static class BuiltFunctionMetadata
{
    public static string PathToFile
    {
        get
        {
            // Same configuration and framework as this test assembly: .../bin/{Configuration}/{tfm}/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            return System.IO.Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions", "bin", configuration, framework, "functions.metadata");
        }
    }

    public static JsonArray Load()
    {
        var path = PathToFile;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Build the Function App first: {path} is missing.", path);
        }

        return JsonNode.Parse(File.ReadAllText(path)) as JsonArray ?? throw new InvalidDataException($"{path} is not a JSON array.");
    }

    public static JsonObject TriggerOf(JsonNode function) =>
        function["bindings"]!.AsArray().Select(binding => binding!.AsObject())
            .Single(binding => binding["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    public static string Text(this JsonNode node, string property) =>
        node[property]?.GetValue<string>() ?? throw new KeyNotFoundException($"'{property}' missing in {node.ToJsonString(JsonSerializerOptions.Default)}");
}
