namespace InfoFloPay.DevHost.Functions;

/// <summary>Resolves <c>%Setting%</c> names in trigger attributes from configuration, as the Functions host does.</summary>
public sealed class SettingNameResolver(IConfiguration configuration)
{
    public string Resolve(string value)
    {
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var name = value[1..^1];
            return configuration[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"Setting '{name}' is not set; a trigger refers to it as '{value}'.");
        }

        return value;
    }
}
