using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>azure.yaml and infra/main.parameters.json against the compiled template: what `azd up --no-prompt` relies on.</summary>
public sealed partial class AzdProjectTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    [Fact]
    public void Every_parameter_without_a_default_is_supplied_by_the_parameters_file()
    {
        var supplied = ParametersFile()["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var declared = main.Template.Parameters;

        var missing = declared.Where(p => p.Value?["defaultValue"] is null && !supplied.Contains(p.Key)).Select(p => p.Key).ToList();
        var unknown = supplied.Where(name => !declared.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, "main.bicep parameters with no default and no value in main.parameters.json: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "main.parameters.json sets parameters main.bicep does not declare: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_to_the_app_tagged_with_its_service_name()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));
        var service = ServiceBlock().Match(yaml);
        Assert.True(service.Success, "azure.yaml has no service with project/language/host");

        var name = service.Groups["name"].Value;
        var project = service.Groups["project"].Value.Trim();
        Assert.Equal("function", service.Groups["host"].Value.Trim());
        Assert.Equal("dotnet", service.Groups["language"].Value.Trim());
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, project, Path.GetFileName(project) + ".csproj")), $"azure.yaml project {project} has no {Path.GetFileName(project)}.csproj");

        var site = Assert.Single(main.Template.OfType("Microsoft.Web/sites"));
        var tags = Assert.IsType<Dictionary<string, object?>>(site.Property("tags"));
        Assert.Equal(name, tags["azd-service-name"]);
        Assert.Contains(main.Template.Outputs, o => o == $"SERVICE_{name.ToUpperInvariant()}_NAME");
    }

    [Fact]
    public void The_service_bus_extension_guard_is_a_service_hook_so_every_packaging_path_runs_it()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));
        var service = ServiceBlock().Match(yaml);
        var hook = ServicePrepackageHook().Match(yaml);

        // A root-level prepackage hook is skipped by `azd deploy <service>`; only services.<name>.hooks runs on every path.
        Assert.True(hook.Success, "azure.yaml has no services.<name>.hooks.prepackage posix hook");
        Assert.Equal(service.Groups["name"].Value, hook.Groups["service"].Value);
        Assert.DoesNotMatch(@"(?m)^hooks:", yaml);
        // Service hooks run in the service's project folder, so the script path is resolved from there.
        var script = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, service.Groups["project"].Value.Trim(), hook.Groups["run"].Value.Trim()));
        Assert.Equal(Path.Combine(RepositoryRoot.Path, "scripts", "check-deploy-build.sh"), script);
        Assert.True(File.Exists(script), $"{script} does not exist");
    }

    [Fact]
    public void The_deploy_workflow_passes_every_parameters_file_value_and_gives_the_defaults_itself()
    {
        var parameters = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"));
        var workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "deploy.yml"));
        var passed = WorkflowVariable().Matches(workflow).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["expression"].Value, StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (Match placeholder in Placeholder().Matches(parameters))
        {
            var name = placeholder.Groups["name"].Value;
            if (name == "AZURE_PRINCIPAL_ID")
            {
                continue; // azd fills it with the signed-in principal
            }

            if (!passed.TryGetValue(name, out var expression))
            {
                problems.Add($"deploy.yml does not pass {name}, which main.parameters.json reads.");
            }
            else if (placeholder.Groups["default"].Value is { Length: > 0 } fallback && !expression.Contains($"|| '{fallback}'", StringComparison.Ordinal))
            {
                // An unset GitHub variable arrives as "", which ${NAME=default} keeps, so the workflow supplies the default.
                problems.Add($"deploy.yml passes {name} as `{expression}` without `|| '{fallback}'`: an unset variable would deploy an empty value.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The parameters file with azd's ${VAR} / ${VAR=default} placeholders filled, as azd would before deploying.</summary>
    private static JsonObject ParametersFile()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"));
        var substituted = Placeholder().Replace(text, m => m.Groups["default"].Success ? m.Groups["default"].Value : "placeholder");
        return JsonNode.Parse(substituted)!.AsObject();
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s+(?<name>[A-Z_][A-Z0-9_]*):\s*\$\{\{\s*(?<expression>vars\.[^}]*?)\s*\}\}", RegexOptions.Multiline)]
    private static partial Regex WorkflowVariable();

    [GeneratedRegex(@"^\s{2}(?<service>[a-z0-9-]+):\s*\n(?:\s{4}.*\n)*?\s{4}hooks:\s*\n\s{6}prepackage:\s*\n\s{8}posix:\s*\n(?:\s{10}.*\n)*?\s{10}run:\s*(?<run>\S+)", RegexOptions.Multiline)]
    private static partial Regex ServicePrepackageHook();

    [GeneratedRegex(@"^services:\s*\n\s+(?<name>[a-z0-9-]+):\s*\n(?=(?:\s{4}.*\n)*?\s{4}project:\s*(?<project>\S+))(?=(?:\s{4}.*\n)*?\s{4}language:\s*(?<language>\S+))(?=(?:\s{4}.*\n)*?\s{4}host:\s*(?<host>\S+))", RegexOptions.Multiline)]
    private static partial Regex ServiceBlock();
}
