using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.UnitTests.Tickets;

public sealed class TicketRulesTests
{
    private static readonly Caller Agent = new(CallerRole.Agent, "ava@infoflopay.example", "Ava", null);
    private static readonly Caller Customer = Caller.Customer("alice@acme.test", "Alice", "acme");

    private static NewTicketRequest Request(string? subject = "Subject", string? description = "Body", string? priority = null, string? customerId = null, RequesterInput? requester = null) =>
        new(subject, description, requester, customerId, priority, null);

    private static RequestRejectedException Rejected(NewTicketRequest request, Caller? caller = null) =>
        Assert.Throws<RequestRejectedException>(() => TicketRules.Validate(request, caller ?? Agent, TicketChannel.Api));

    [Theory]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    [InlineData(0, false)]
    public void A_subject_is_1_to_200_characters(int length, bool valid)
    {
        var request = Request(subject: new string('s', length));

        if (valid)
        {
            Assert.Equal(length, TicketRules.Validate(request, Agent, TicketChannel.Api).Subject.Length);
        }
        else
        {
            Assert.Contains("subject", Rejected(request).Errors.Keys);
        }
    }

    [Fact]
    public void A_subject_of_only_spaces_is_empty()
    {
        Assert.Contains("subject", Rejected(Request(subject: "   ")).Errors.Keys);
    }

    [Fact]
    public void A_description_is_at_most_32_KB_of_utf8()
    {
        Assert.Equal(32 * 1024, TicketRules.Validate(Request(description: new string('x', 32 * 1024)), Agent, TicketChannel.Api).Description.Length);
        Assert.Contains("description", Rejected(Request(description: new string('é', 16 * 1024 + 1))).Errors.Keys);
    }

    [Fact]
    public void An_unknown_priority_names_the_field_and_lists_the_choices()
    {
        var ex = Rejected(Request(priority: "critical"));

        Assert.Contains("urgent, high, medium, low", Assert.Single(ex.Errors["priority"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var ex = Rejected(Request(subject: "", priority: "nope", requester: new RequesterInput("X", "not-an-email")));

        Assert.Equal(["priority", "requester.email", "subject"], ex.Errors.Keys.Order());
    }

    [Fact]
    public void Priority_defaults_to_medium_and_staff_may_set_it()
    {
        Assert.Equal(TicketPriority.Medium, TicketRules.Validate(Request(), Agent, TicketChannel.Api).Priority);
        Assert.Equal(TicketPriority.Urgent, TicketRules.Validate(Request(priority: "urgent"), Agent, TicketChannel.Monitoring).Priority);
    }

    [Fact]
    public void A_customer_may_not_set_a_priority_or_open_for_another_account()
    {
        Assert.Equal(Rejection.Forbidden, Rejected(Request(priority: "low"), Customer).Kind);
        Assert.Equal(Rejection.Forbidden, Rejected(Request(customerId: "globex"), Customer).Kind);
    }

    [Fact]
    public void A_customer_is_always_its_own_requester_on_its_own_account()
    {
        var ticket = TicketRules.Validate(Request(requester: new RequesterInput("Mallory", "mallory@evil.test")), Customer, TicketChannel.Portal);

        Assert.Equal((new Requester("Alice", "alice@acme.test"), "acme"), (ticket.Requester, ticket.CustomerId));
    }

    [Theory]
    [InlineData("pending", null, true)]
    [InlineData("archived", null, false)]
    [InlineData(null, null, false)]
    public void A_status_change_names_a_known_status(string? status, string? note, bool valid)
    {
        if (valid)
        {
            Assert.Equal(TicketStatus.Pending, TicketRules.Validate(new StatusChangeRequest(status, note)).Status);
        }
        else
        {
            Assert.Contains("status", Assert.Throws<RequestRejectedException>(() => TicketRules.Validate(new StatusChangeRequest(status, note))).Errors.Keys);
        }
    }

    [Fact]
    public void Triage_needs_a_priority_and_an_email_assignee()
    {
        var ex = Assert.Throws<RequestRejectedException>(() => TicketRules.Validate(new TriageRequest(null, "sam")));

        Assert.Equal(["assignee", "priority"], ex.Errors.Keys.Order());
        Assert.Equal((TicketPriority.Low, (string?)null), TicketRules.Validate(new TriageRequest("low", null)));
    }

    [Fact]
    public void A_reply_needs_a_body()
    {
        Assert.Contains("body", Assert.Throws<RequestRejectedException>(() => TicketRules.Validate(new ReplyRequest("  ", null))).Errors.Keys);
    }

    [Theory]
    [InlineData("IFP-1", true)]
    [InlineData("IFP-1042", true)]
    [InlineData("IFP-01", false)]
    [InlineData("ifp-1", false)]
    [InlineData("IFP-", false)]
    [InlineData("IFP-12a", false)]
    public void Ticket_ids_have_one_canonical_spelling(string id, bool valid)
    {
        Assert.Equal(valid, TicketIds.IsValid(id));
    }
}
