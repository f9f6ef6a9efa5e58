using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// Keeps webhook signing secrets out of the webhooks table in the clear. With <c>Webhooks__SecretKey</c> (base64 of 32
/// random bytes; a Key Vault reference in Azure) each secret is stored as <c>enc1:{key id}:{base64url(nonce, ciphertext,
/// tag)}</c>, AES-256-GCM with the webhook's name as associated data, so whoever can read the table (a backup, a
/// Storage Table Data Reader) cannot sign as the desk, and a value copied onto another webhook's row does not decrypt.
/// Without the key, secrets are stored as given (locally; in Azure the host warns at start-up). A value stored in the
/// clear before the key was set still reads, and is encrypted when the webhook is next PUT.
/// </summary>
internal sealed class WebhookSecretProtector(IOptions<WebhookOptions> options)
{
    public const int KeyBytes = 32;

    public const string InvalidKeyMessage = "Webhooks:SecretKey must be base64 of 32 random bytes.";

    private const string Marker = "enc1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Lazy<(byte[] Key, string Id)?> _key = new(() => ParseKey(options.Value.SecretKey));

    /// <summary>Whether secrets are stored encrypted.</summary>
    public bool Encrypts => _key.Value is not null;

    /// <summary>True when <paramref name="setting"/> is unset or base64 of exactly <see cref="KeyBytes"/> bytes.</summary>
    public static bool IsValidKeySetting(string? setting) => string.IsNullOrEmpty(setting) || DecodeKey(setting) is not null;

    /// <summary>What the table stores for <paramref name="secret"/> of webhook <paramref name="name"/>.</summary>
    public string Protect(string name, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (_key.Value is not { } key)
        {
            return secret;
        }

        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(name));
        return Marker + key.Id + ":" + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The secret <paramref name="stored"/> holds, or null with <paramref name="problem"/> saying why it cannot
    /// be read (another key, no key, an altered value), in words an operator can act on.</summary>
    public string? Unprotect(string name, string stored, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(stored);
        problem = null;
        if (!stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            return stored;
        }

        var parts = stored[Marker.Length..].Split(':');
        if (_key.Value is not { } key)
        {
            problem = "The stored secret is encrypted, but Webhooks__SecretKey is not set: set it again, or PUT the webhook again with its secret.";
            return null;
        }

        if (parts.Length != 2 || parts[0] != key.Id)
        {
            problem = "The stored secret was encrypted under another Webhooks__SecretKey: PUT the webhook again with its secret.";
            return null;
        }

        var sealedBytes = new byte[Base64Url.GetMaxDecodedLength(parts[1].Length)];
        if (!Base64Url.TryDecodeFromChars(parts[1], sealedBytes, out var length) || length < NonceBytes + TagBytes)
        {
            problem = "The stored secret is damaged: PUT the webhook again with its secret.";
            return null;
        }

        var cipherLength = length - NonceBytes - TagBytes;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key.Key, TagBytes);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, cipherLength), sealedBytes.AsSpan(NonceBytes + cipherLength, TagBytes), plain,
                Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException)
        {
            problem = "The stored secret does not belong to this webhook or was altered: PUT the webhook again with its secret.";
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static (byte[] Key, string Id)? ParseKey(string? setting)
    {
        if (string.IsNullOrEmpty(setting))
        {
            return null;
        }

        var key = DecodeKey(setting) ?? throw new OptionsValidationException(WebhookOptions.SectionName, typeof(WebhookOptions), [InvalidKeyMessage]);

        // Names the key without revealing it, so a value stored under an earlier key says so instead of failing as "altered".
        return (key, Convert.ToHexStringLower(SHA256.HashData(key))[..8]);
    }

    private static byte[]? DecodeKey(string setting)
    {
        var buffer = new byte[(setting.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(setting.Trim(), buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes] : null;
    }
}
