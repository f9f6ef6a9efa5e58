namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>Finds the repository root (the folder holding the solution) from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "InfoFloPay.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find InfoFloPay.Functions.sln above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;
}
