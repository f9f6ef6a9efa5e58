using System.Security.Cryptography;
using System.Text;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// Standard Webhooks signing: the secret is <c>whsec_</c> + base64 of the key; the signature is
/// <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The shortest key the desk accepts (the Standard Webhooks reference secrets are 24 bytes).</summary>
    public const int MinKeyBytes = 24;

    public const int MaxKeyBytes = 64;

    /// <summary>The key of <paramref name="secret"/>, or null when it is not <c>whsec_</c> + base64 of 24–64 bytes.</summary>
    public static byte[]? KeyOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var encoded = secret[Prefix.Length..];
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written is >= MinKeyBytes and <= MaxKeyBytes
            ? buffer[..written]
            : null;
    }

    public static string Sign(string id, long timestamp, string body, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>What the list shows instead of the secret: its prefix and last four characters.</summary>
    public static string Hint(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Prefix + "…" + secret[^4..];
    }
}
