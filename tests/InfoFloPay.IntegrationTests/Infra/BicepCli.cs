using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Infra;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet package, found the way scripts/bicep.sh finds it:
/// the version from Directory.Packages.props, under NuGet's global packages folder (NUGET_PACKAGES, else ~/.nuget/packages),
/// at azure.bicep.commandline.linux-x64/{version}/tools/bicep. This test project references the package, so restoring
/// the tests puts the binary there.
/// </summary>
public static class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";

    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    /// <summary>Compiles a .bicep file to its ARM JSON template.</summary>
    public static JsonObject Build(string bicepFile)
    {
        var startInfo = new ProcessStartInfo(Path, ["build", bicepFile, "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed ({process.ExitCode}):\n{stderr.Result}");
        }

        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static string Locate()
    {
        var props = XDocument.Load(System.IO.Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion")
            .FirstOrDefault(p => (string?)p.Attribute("Include") == PackageId)?.Attribute("Version")?.Value
            ?? throw new InvalidOperationException($"{PackageId} has no version in Directory.Packages.props.");

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var executable = System.IO.Path.Combine(packages, PackageId.ToLowerInvariant(), version, "tools", "bicep");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Bicep CLI at {executable}. Run 'dotnet restore tools/bicep/bicep.csproj' (scripts/bicep.sh does).");
        }

        // NuGet does not promise to keep the executable bit (the package is linux-x64 only, so is this helper).
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package used here is the linux-x64 build.");
        }

        var mode = File.GetUnixFileMode(executable);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(executable, mode | UnixFileMode.UserExecute);
        }

        return executable;
    }
}
