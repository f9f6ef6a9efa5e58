using System.Text;
using InfoFloPay.Functions.Monitoring;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class StaffPrincipalTests
{
    private static HttpRequest RequestWith(string? header)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[StaffPrincipal.HeaderName] = header;
        }

        return context.Request;
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_the_roles_claims_of_the_app_service_principal()
    {
        var header = Encode("""
            {"auth_typ":"aad","name_typ":"preferred_username","role_typ":"roles",
             "claims":[{"typ":"preferred_username","val":"mia@infoflopay.example"},{"typ":"roles","val":"Support.Manager"}]}
            """);

        var caller = StaffPrincipal.From(RequestWith(header));

        Assert.NotNull(caller);
        Assert.True(caller.IsManager);
        Assert.True(caller.IsStaff);
    }

    [Fact]
    public void An_agent_is_staff_but_not_a_manager()
    {
        var caller = StaffPrincipal.From(RequestWith(Encode("""{"claims":[{"typ":"roles","val":"Support.Agent"}]}""")));

        Assert.False(caller!.IsManager);
        Assert.True(caller.IsStaff);
    }

    [Fact]
    public void Reads_roles_under_a_custom_role_type_or_the_long_claim_type()
    {
        var custom = StaffPrincipal.From(RequestWith(Encode("""{"role_typ":"app_roles","claims":[{"typ":"app_roles","val":"Support.Manager"}]}""")));
        var longForm = StaffPrincipal.From(RequestWith(Encode(
            """{"claims":[{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Support.Manager"}]}""")));

        Assert.True(custom!.IsManager);
        Assert.True(longForm!.IsManager);
    }

    [Fact]
    public void A_customer_user_has_no_staff_role()
    {
        var caller = StaffPrincipal.From(RequestWith(Encode("""{"claims":[{"typ":"email","val":"ana@acme.example"}]}""")));

        Assert.False(caller!.IsStaff);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void A_missing_or_unreadable_header_is_no_caller(string? header) =>
        Assert.Null(StaffPrincipal.From(RequestWith(header)));
}
