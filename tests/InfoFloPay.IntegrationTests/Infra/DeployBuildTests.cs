using System.Diagnostics;
using System.Xml.Linq;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// What the deploy build puts in the package: with <c>IncludeServiceBusHostExtension=true</c> (what azure.yaml's
/// prepackage hook, scripts/check-deploy-build.sh, insists on) a Release build of the functions project generates a
/// WorkerExtensions project that references the Service Bus host extension, without which the triggers never fire in
/// Azure. The build runs into its own intermediate and output folders, so the tree's normal build is untouched; on this
/// project's feed the generated project's restore then fails for lack of that package, which is expected here.
/// </summary>
public sealed class DeployBuildTests
{
    private const string ServiceBusExtension = "Microsoft.Azure.WebJobs.Extensions.ServiceBus";

    [Fact]
    public async Task The_deploy_builds_worker_extensions_project_references_the_service_bus_host_extension()
    {
        var folder = $"deploy-check-{Guid.NewGuid():N}";
        var project = Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions");
        try
        {
            var (exitCode, output) = await BuildAsync(project, folder);

            var generated = Path.Combine(project, "obj", folder, "WorkerExtensions", "WorkerExtensions.csproj");
            Assert.True(File.Exists(generated), $"no {generated} after the build (exit {exitCode}):\n{output}");
            var reference = Assert.Single(
                XDocument.Load(generated).Descendants("PackageReference"),
                p => (string?)p.Attribute("Include") == ServiceBusExtension);
            Assert.False(string.IsNullOrEmpty((string?)reference.Attribute("Version")));
            // The only way this build may fail is the feed lacking the extension package.
            Assert.True(exitCode == 0 || output.Contains(ServiceBusExtension, StringComparison.Ordinal), $"the build failed for another reason:\n{output}");
        }
        finally
        {
            foreach (var root in new[] { project, Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Domain") })
            {
                foreach (var kind in new[] { "obj", "bin" })
                {
                    var path = Path.Combine(root, kind, folder);
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }
                }
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project, string folder)
    {
        var startInfo = new ProcessStartInfo("dotnet",
        [
            "build", project, "-c", "Release", "-nologo", "-v:q",
            "-p:IncludeServiceBusHostExtension=true",
            $"-p:IntermediateOutputPath=obj/{folder}/", $"-p:OutputPath=bin/{folder}/",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
