using System.Diagnostics;
using System.Xml.Linq;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Messaging;

/// <summary>
/// The Functions host loads the Service Bus extension only if the generated WorkerExtensions project references it.
/// That project is generated during the build from the ExtensionInformation attributes the app's assemblies carry;
/// IncludeServiceBusHostExtension decides whether ours does. The package is not on this feed, so the deployable
/// variant's build fails at restoring it — after the project was written, which is what these tests read.
/// Each build goes to its own artifacts folder, so the normal build's bin and obj are never touched. Both are Release
/// builds, as azd's `dotnet publish -c Release` is (the prepackage hook, scripts/check-deploy-build.sh, checks the
/// property for that configuration).
/// </summary>
public sealed class WorkerExtensionsProjectTests : IDisposable
{
    private const string ServiceBusExtension = "Microsoft.Azure.WebJobs.Extensions.ServiceBus";
    private static readonly string ProjectDirectory = Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions");
    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), "ifp-worker-extensions-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_deployable_build_references_the_service_bus_host_extension()
    {
        var (project, exitCode, output) = await BuildAsync(includeServiceBusHostExtension: true);

        var reference = Assert.Single(PackageReferences(project), package => package.Name == ServiceBusExtension);
        Assert.Equal("5.17.0", reference.Version);
        if (exitCode != 0)
        {
            // Only acceptable failure: this feed cannot restore the extension itself.
            Assert.Matches($"error NU110[12]: Unable to find package {ServiceBusExtension}", output);
            Assert.DoesNotContain("error CS", output);
        }
    }

    [Fact]
    public async Task The_default_build_leaves_it_out_and_builds()
    {
        var (project, exitCode, output) = await BuildAsync(includeServiceBusHostExtension: false);

        Assert.DoesNotContain(PackageReferences(project), package => package.Name == ServiceBusExtension);
        Assert.True(exitCode == 0, output);
    }

    private async Task<(XDocument Project, int ExitCode, string Output)> BuildAsync(bool includeServiceBusHostExtension)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "build", Path.Combine(ProjectDirectory, "InfoFloPay.Functions.csproj"),
                "--artifacts-path", _artifacts,
                "-c", "Release",
                $"-p:IncludeServiceBusHostExtension={includeServiceBusHostExtension.ToString().ToLowerInvariant()}",
                "-nologo", "-v:q", "-clp:NoSummary",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectDirectory,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;

        var generated = Directory.GetFiles(Path.Combine(_artifacts, "obj"), "WorkerExtensions.csproj", SearchOption.AllDirectories);
        Assert.True(generated.Length == 1, $"expected one generated WorkerExtensions.csproj under {_artifacts}; build output:\n{output}");
        return (XDocument.Load(generated[0]), process.ExitCode, output);
    }

    private static IEnumerable<(string? Name, string? Version)> PackageReferences(XDocument project) =>
        project.Descendants("PackageReference").Select(reference => ((string?)reference.Attribute("Include"), (string?)reference.Attribute("Version")));

    public void Dispose()
    {
        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }
}
