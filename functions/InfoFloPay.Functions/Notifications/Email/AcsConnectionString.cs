using System.Diagnostics.CodeAnalysis;

namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>An Azure Communication Services connection string: <c>endpoint=https://…/;accesskey=base64</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out AcsConnectionString? connectionString)
    {
        connectionString = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);

        if (!parts.TryGetValue("endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri)
            || !parts.TryGetValue("accesskey", out var accessKey))
        {
            return false;
        }

        var key = new byte[accessKey.Length];
        if (!Convert.TryFromBase64String(accessKey, key, out var written))
        {
            return false;
        }

        connectionString = new AcsConnectionString(endpointUri, key[..written]);
        return true;
    }
}
