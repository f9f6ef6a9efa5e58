using InfoFloPay.Functions.Notifications.Email;

namespace InfoFloPay.UnitTests.Notifications;

public class AcsHmacAuthenticationPolicyTests
{
    private const string Date = "Wed, 13 Apr 2022 18:09:12 GMT";
    private const string Host = "contoso.communicationservices.azure.com";
    private static readonly byte[] Key = Convert.FromBase64String("pw==");

    [Theory]
    [InlineData("/", "88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4=")]
    [InlineData("/testPath?testQuery=yes", "il99+rd6V5O136roX/zVePCNle78HmvC4B7tu9zRH3I=")]
    public void Signs_the_design_test_vectors(string pathAndQuery, string expected)
    {
        var contentHash = AcsHmacAuthenticationPolicy.ComputeContentHash([]);

        var signature = AcsHmacAuthenticationPolicy.ComputeSignature(Key, "GET", pathAndQuery, Date, Host, contentHash);

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Hashes_an_empty_body_as_the_sha256_of_nothing()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsHmacAuthenticationPolicy.ComputeContentHash([]));
    }

    [Fact]
    public void A_different_body_or_method_changes_the_signature()
    {
        var empty = AcsHmacAuthenticationPolicy.ComputeContentHash([]);
        var body = AcsHmacAuthenticationPolicy.ComputeContentHash("{}"u8);

        var get = AcsHmacAuthenticationPolicy.ComputeSignature(Key, "GET", "/", Date, Host, empty);
        Assert.NotEqual(get, AcsHmacAuthenticationPolicy.ComputeSignature(Key, "POST", "/", Date, Host, empty));
        Assert.NotEqual(get, AcsHmacAuthenticationPolicy.ComputeSignature(Key, "GET", "/", Date, Host, body));
    }
}
