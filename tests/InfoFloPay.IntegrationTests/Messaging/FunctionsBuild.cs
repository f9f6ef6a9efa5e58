using System.Reflection;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Messaging;

/// <summary>Where the Function App's build put its outputs, for the configuration these tests were built with.</summary>
internal static class FunctionsBuild
{
    public static string ProjectDirectory => Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions");

    public static string Configuration =>
        typeof(FunctionsBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string MetadataPath
    {
        get
        {
            // The test build copies the app's outputs next to the tests; the app's own bin has them too.
            var besideTests = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
            return File.Exists(besideTests)
                ? besideTests
                : Path.Combine(ProjectDirectory, "bin", Configuration, "net10.0", "functions.metadata");
        }
    }
}
