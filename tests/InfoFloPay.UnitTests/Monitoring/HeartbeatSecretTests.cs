using InfoFloPay.Functions.Monitoring.Heartbeats;

namespace InfoFloPay.UnitTests.Monitoring;

/// <summary>The secret of a heartbeat URL: 256 random bits as base64url, known to the desk only by its SHA-256 hash.</summary>
public class HeartbeatSecretTests
{
    [Fact]
    public void A_secret_is_43_base64url_characters_and_each_one_is_new()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => HeartbeatSecret.New().Secret).ToList();

        Assert.All(secrets, secret => Assert.Matches("^[A-Za-z0-9_-]{43}$", secret));
        Assert.All(secrets, secret => Assert.True(HeartbeatSecret.IsWellFormed(secret)));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
        // 43 base64 characters carry 258 bits, of which the 32 random bytes fill 256: at least the 128 the contract asks.
        Assert.Equal(32, Convert.FromBase64String(secrets[0].Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public void The_hash_is_sha256_of_the_secret_and_the_index_key_is_its_hex()
    {
        var (secret, hash) = HeartbeatSecret.New();

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)), hash);
        Assert.Equal(hash, HeartbeatSecret.Hash(secret));
        Assert.Matches("^[0-9a-f]{64}$", HeartbeatSecret.Key(hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("../../AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_not_a_secret_and_never_reaches_storage(string? text) => Assert.False(HeartbeatSecret.IsWellFormed(text));
}
