using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// The secret in a heartbeat URL: 256 random bits as base64url (43 characters). The desk stores only its SHA-256 hash,
/// so a copy of the table cannot post beats; the URL is shown once, when the secret is made.
/// </summary>
internal static partial class HeartbeatSecret
{
    private const int SecretBytes = 32;

    /// <summary>A new secret and its hash.</summary>
    public static (string Secret, byte[] Hash) New()
    {
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (secret, Hash(secret));
    }

    /// <summary>Whether <paramref name="text"/> could be a secret this class made (43 base64url characters); anything else
    /// is refused without touching storage.</summary>
    public static bool IsWellFormed(string? text) => text is not null && Shape().IsMatch(text);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    /// <summary>The hash as the index row's key: lower-case hex.</summary>
    public static string Key(byte[] hash) => Convert.ToHexStringLower(hash);

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
