using System.Text.Json;

namespace InfoFloPay.DevHost.Settings;

/// <summary>
/// Reads <c>local.settings.json</c> the way Core Tools does: its <c>Values</c> become configuration, with
/// <c>__</c> meaning a section separator, so <c>Support__Agents__0__Email</c> binds like the environment variable would.
/// </summary>
public static class LocalSettingsConfigurationExtensions
{
    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] =
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return builder.AddInMemoryCollection(values);
    }

    /// <summary>The first <c>local.settings.json</c> found in the working folder or the Function App's project folder.</summary>
    public static string? FindLocalSettingsFile(string contentRoot)
    {
        string[] candidates =
        [
            Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"),
            Path.Combine(contentRoot, "..", "functions", "InfoFloPay.Functions", "local.settings.json"),
            Path.Combine(Directory.GetCurrentDirectory(), "functions", "InfoFloPay.Functions", "local.settings.json"),
        ];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
    }
}
