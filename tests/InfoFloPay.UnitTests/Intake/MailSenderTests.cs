using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class MailSenderTests
{
    private static Ticket TicketOf(string? customerId, string requester = "carol@contoso.com") => new()
    {
        Id = "IFP-7",
        CustomerId = customerId,
        Requester = new Requester("Carol", requester),
        Subject = "Payouts",
        Description = "failing",
        Sla = new TicketSla { Tier = "reserve" },
    };

    [Fact]
    public void The_requester_speaks_as_a_customer_of_the_tickets_account()
    {
        var voice = new MailSender("CAROL@contoso.com", "Carol", "contoso").VoiceOn(TicketOf("contoso"));

        Assert.Equal(new TicketVoice(Caller.Customer("CAROL@contoso.com", "Carol", "contoso"), Internal: false), voice);
    }

    [Fact]
    public void A_colleague_in_the_same_account_is_on_the_ticket() =>
        Assert.NotNull(new MailSender("dave@contoso.com", null, "contoso").VoiceOn(TicketOf("contoso")));

    [Fact]
    public void Someone_from_another_account_is_not_on_the_ticket() =>
        Assert.Null(new MailSender("dana@fabrikam.example", null, "fabrikam").VoiceOn(TicketOf("contoso")));

    [Fact]
    public void A_stranger_is_not_on_an_account_ticket() =>
        Assert.Null(new MailSender("eve@elsewhere.example", null, null).VoiceOn(TicketOf("contoso")));

    [Fact]
    public void Unverified_mail_is_on_no_ticket_not_even_its_own()
    {
        Assert.Null(new MailSender("ava@infoflopay.example", "Ava", null, "sent from the staff address ava@infoflopay.example").VoiceOn(TicketOf("contoso")));
        Assert.Null(new MailSender("eve@elsewhere.example", null, null, "Authentication-Results: dmarc=fail").VoiceOn(TicketOf(null, "eve@elsewhere.example")));
    }

    [Fact]
    public void An_unknown_requester_adds_to_its_own_unbound_ticket_only_as_a_note_staff_see()
    {
        var voice = new MailSender("eve@elsewhere.example", null, null).VoiceOn(TicketOf(null, "eve@elsewhere.example"));

        Assert.Equal(new TicketVoice(EmailIntake.Desk, Internal: true), voice);
        Assert.Null(new MailSender("mallory@elsewhere.example", null, null).VoiceOn(TicketOf(null, "eve@elsewhere.example")));
    }
}
