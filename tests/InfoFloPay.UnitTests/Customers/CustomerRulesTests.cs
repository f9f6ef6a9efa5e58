using InfoFloPay.Domain;
using InfoFloPay.Domain.Customers;

namespace InfoFloPay.UnitTests.Customers;

public sealed class CustomerRulesTests
{
    [Fact]
    public void Domains_and_members_are_trimmed_lower_cased_and_de_duplicated()
    {
        var account = CustomerRules.Validate("acme", new("Acme", "vip", [" Acme.Test ", "acme.test"], ["Alice@Acme.test", null]));

        Assert.Equal(CustomerTier.Vip, account.Tier);
        Assert.Equal(["acme.test"], account.EmailDomains);
        Assert.Equal(["alice@acme.test"], account.Members);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var ex = Assert.Throws<RequestRejectedException>(() => CustomerRules.Validate("Bad Id", new("", "gold", ["nodot"], ["nope"])));

        Assert.Equal(["emailDomains", "id", "members", "name", "tier"], ex.Errors.Keys.Order());
    }
}
