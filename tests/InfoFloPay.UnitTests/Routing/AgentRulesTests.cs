using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;

namespace InfoFloPay.UnitTests.Routing;

public class AgentRulesTests
{
    [Fact]
    public void A_profile_is_trimmed_its_address_and_skills_lower_cased_and_duplicates_dropped()
    {
        var agent = AgentRules.Validate(" Ava@InfoFloPay.example ", new AgentRequest(" Ava Agent ", ["Billing", "billing ", "API"], ["acme", "acme"]));

        Assert.Equal("ava@infoflopay.example", agent.Email);
        Assert.Equal("Ava Agent", agent.Name);
        Assert.Equal(["billing", "api"], agent.Skills);
        Assert.Equal(["acme"], agent.Accounts);
    }

    [Fact]
    public void Everything_wrong_with_a_profile_is_reported_at_once_naming_the_field()
    {
        var ex = Assert.Throws<RequestRejectedException>(() =>
            AgentRules.Validate("not-an-address", new AgentRequest(" ", ["", new string('x', 51)], ["Acme Corp"])));

        Assert.Equal(Rejection.Invalid, ex.Kind);
        Assert.Equal(["accounts[0]", "email", "name", "skills[0]", "skills[1]"], ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Availability_is_available_or_away()
    {
        Assert.Equal(AgentAvailability.Away, AgentRules.Validate(new AvailabilityRequest("away")));
        var ex = Assert.Throws<RequestRejectedException>(() => AgentRules.Validate(new AvailabilityRequest("on-holiday")));
        Assert.Equal("'on-holiday' is not a valid availability; expected one of: available, away.", Assert.Single(ex.Errors["availability"]));
        Assert.Throws<RequestRejectedException>(() => AgentRules.Validate(new AvailabilityRequest(null)));
    }
}
