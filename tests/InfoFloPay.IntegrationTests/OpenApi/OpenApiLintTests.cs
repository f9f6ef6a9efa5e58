using System.Diagnostics;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace InfoFloPay.IntegrationTests.OpenApi;

/// <summary>
/// The document a client downloads from the running host passes the standard linter (@redocly/cli, pinned in package.json,
/// rules in redocly.yaml) with no error and no warning: what a generator would choke on fails the build.
/// </summary>
public sealed class OpenApiLintTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_served_document_lints_clean_with_redocly()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var document = await host.Anonymous().GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exitCode, stdout, stderr) = await RedoclyLintAsync(file);

            var report = JsonNode.Parse(stdout) ?? throw new InvalidOperationException("redocly printed no report: " + stderr);
            var problems = report["problems"]!.AsArray()
                .Select(problem => $"{problem!["severity"]} {problem["ruleId"]}: {problem["message"]} at {problem["location"]?[0]?["pointer"]}")
                .ToList();
            foreach (var problem in problems)
            {
                output.WriteLine(problem);
            }

            Assert.True(problems.Count == 0 && exitCode == 0, $"redocly lint (exit {exitCode}) found:\n{string.Join('\n', problems)}\n{stderr}");
            Assert.Equal("2.77.0", report["version"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RedoclyLintAsync(string file)
    {
        var cli = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "redocly");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"@redocly/cli is not installed at {cli}. Run 'npm ci' in the repository root.");
        }

        using var process = Process.Start(new ProcessStartInfo("node", [cli, "lint", file, "--format=json", "--config", Path.Combine(RepositoryRoot.Path, "redocly.yaml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
