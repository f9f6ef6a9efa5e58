using System.Text;
using InfoFloPay.Functions.Identity;

namespace InfoFloPay.UnitTests.Identity;

public sealed class ClientPrincipalReaderTests
{
    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_email_name_and_roles_from_an_app_service_principal()
    {
        var header = Encode("""
            {"auth_typ":"aad","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"0f3c"},
              {"typ":"name","val":"Ava Agent"},
              {"typ":"preferred_username","val":"Ava.Agent@InfoFloPay.example"},
              {"typ":"roles","val":"Support.Agent"},
              {"typ":"roles","val":"Reports.Read"}],
             "name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}
            """);

        var user = ClientPrincipalReader.Read(header)!;

        Assert.Equal("ava.agent@infoflopay.example", user.Email);
        Assert.Equal("Ava Agent", user.Name);
        Assert.Equal(["Reports.Read", "Support.Agent"], user.Roles.Order());
    }

    [Fact]
    public void Falls_back_to_the_long_form_email_claim_and_takes_roles_only_from_roles_claims()
    {
        var header = Encode("""
            {"auth_typ":"aad","claims":[
              {"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","val":"carol@contoso.com"},
              {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Support.Manager"}],
             "name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
             "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
            """);

        var user = ClientPrincipalReader.Read(header)!;

        Assert.Equal("carol@contoso.com", user.Email);
        // role_typ is the principal's own say-so; only "roles" claims (what Entra ID sends) are roles.
        Assert.Empty(user.Roles);
    }

    [Fact]
    public void Uses_the_name_type_claim_when_it_holds_the_email()
    {
        var header = Encode("""{"auth_typ":"aad","claims":[{"typ":"upn-ish","val":"dana@fabrikam.example"}],"name_typ":"upn-ish","role_typ":"roles"}""");

        Assert.Equal("dana@fabrikam.example", ClientPrincipalReader.Read(header)!.Email);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("eyJjbGFpbXMiOltdfQ==")]
    public void Malformed_or_email_less_principals_are_rejected(string header)
    {
        Assert.Null(ClientPrincipalReader.Read(header));
    }
}
