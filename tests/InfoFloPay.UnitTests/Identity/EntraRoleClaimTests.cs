using System.Text;
using InfoFloPay.Functions.Identity;

namespace InfoFloPay.UnitTests.Identity;

public sealed class EntraRoleClaimTests
{
    [Fact]
    public void App_roles_sent_as_roles_claims_count_even_when_role_typ_names_the_long_claim_uri()
    {
        // The shape Entra ID sign-in produces behind App Service Authentication.
        var json = """
            {"auth_typ":"aad","claims":[
              {"typ":"preferred_username","val":"Ava.Agent@InfoFloPay.example"},
              {"typ":"name","val":"Ava Agent"},
              {"typ":"roles","val":"Support.Agent"}],
             "name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
             "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
            """;

        var user = ClientPrincipalReader.Read(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.NotNull(user);
        Assert.Equal("ava.agent@infoflopay.example", user.Email);
        Assert.Contains(SupportRoles.Agent, user.Roles);
    }
}
