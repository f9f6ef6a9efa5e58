using System.Text;
using InfoFloPay.Functions.Identity;

namespace InfoFloPay.UnitTests.Identity;

/// <summary>Principals an attacker (or a broken proxy) could present: each is no principal at all, never a crash or a role.</summary>
public sealed class PrincipalTamperingTests
{
    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"claims":[null]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":"a@acme.test"},null]}""")]
    [InlineData("""{"claims":[{"typ":null,"val":"a@acme.test"}]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":null}]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username"}]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":42}]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":["a@acme.test"]}]}""")]
    [InlineData("""{"claims":[{"typ":7,"val":"a@acme.test"}]}""")]
    [InlineData("""{"claims":{"typ":"preferred_username","val":"a@acme.test"}}""")]
    [InlineData("""{"claims":"a@acme.test"}""")]
    [InlineData("""{"claims":null}""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":"a@acme.test"}],"name_typ":5}""")]
    public void Null_missing_or_non_string_claims_are_no_principal(string json)
    {
        Assert.Null(ClientPrincipalReader.Read(Encode(json)));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("")]
    [InlineData("e30")]
    public void Garbage_that_is_not_base64_json_is_no_principal(string header)
    {
        Assert.Null(ClientPrincipalReader.Read(header));
    }

    [Fact]
    public void Invalid_utf8_inside_the_json_is_no_principal()
    {
        var json = """{"claims":[{"typ":"preferred_username","val":"a??@acme.test"}]}""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("??", StringComparison.Ordinal);
        (bytes[at], bytes[at + 1]) = (0xC3, 0xFF);

        Assert.Null(ClientPrincipalReader.Read(Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData("eve@evil.com@acme.test")]
    [InlineData("Eve <eve@acme.test>")]
    [InlineData("eve@acme.test, bob@acme.test")]
    [InlineData("\"eve\"@acme.test")]
    [InlineData("eve@")]
    [InlineData("@acme.test")]
    [InlineData("eve@acme..test")]
    [InlineData("eve @acme.test")]
    public void An_email_that_is_not_exactly_one_address_is_no_principal(string email)
    {
        var header = Encode($$"""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":{{System.Text.Json.JsonSerializer.Serialize(email)}}}],"role_typ":"roles"}""");

        Assert.Null(ClientPrincipalReader.Read(header));
    }

    [Fact]
    public void Two_different_addresses_in_the_deciding_claim_type_are_no_principal()
    {
        var header = Encode("""{"claims":[{"typ":"email","val":"eve@evil.test"},{"typ":"email","val":"alice@acme.test"}]}""");

        Assert.Null(ClientPrincipalReader.Read(header));
    }

    [Fact]
    public void Role_typ_cannot_turn_other_claims_into_roles()
    {
        var header = Encode("""
            {"auth_typ":"aad","claims":[
              {"typ":"preferred_username","val":"eve@acme.test"},
              {"typ":"name","val":"Support.Agent"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Support.Manager"}],
             "name_typ":"name","role_typ":"name"}
            """);

        var user = ClientPrincipalReader.Read(header);

        Assert.NotNull(user);
        Assert.Equal("eve@acme.test", user.Email);
        Assert.Empty(user.Roles);
    }
}
