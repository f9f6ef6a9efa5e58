using InfoFloPay.Domain;
using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class InboundEmailRulesTests
{
    private static readonly InboundEmail Valid = new(
        "<abc@mail.contoso.com>", new InboundAddress(" Carol ", "Carol@Contoso.com "), ["support@infoflopay.example"],
        " Re: Payouts ", "Still failing", null, "<ack-1@infoflopay.example>", ["<first@mail.contoso.com> <ack-0@infoflopay.example>"], null);

    [Fact]
    public void Ids_are_bare_and_addresses_lower_case_and_thread_ids_newest_first()
    {
        var mail = InboundEmailRules.Validate(Valid);

        Assert.Equal("abc@mail.contoso.com", mail.MessageId);
        Assert.Equal("carol@contoso.com", mail.SenderEmail);
        Assert.Equal("Carol", mail.SenderName);
        Assert.Equal("Re: Payouts", mail.Subject);
        Assert.Equal(["ack-1@infoflopay.example", "ack-0@infoflopay.example", "first@mail.contoso.com"], mail.ThreadIds);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var bad = new InboundEmail(" ", new InboundAddress(null, "not-an-address"), ["ok@infoflopay.example", "nope"], null, null, null, null, null, null);

        var rejected = Assert.Throws<RequestRejectedException>(() => InboundEmailRules.Validate(bad));

        Assert.Equal(Rejection.Invalid, rejected.Kind);
        Assert.Equal(["from.email", "messageId", "text", "to[1]"], rejected.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_sender_and_recipients_are_named() =>
        Assert.Equal(["from", "to"], Assert.Throws<RequestRejectedException>(() =>
            InboundEmailRules.Validate(Valid with { From = null, To = [] })).Errors!.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void An_html_only_mail_is_kept_as_text_never_as_markup()
    {
        var mail = InboundEmailRules.Validate(Valid with
        {
            Text = "",
            Html = "<html><head><style>p{}</style></head><body><p>Payouts <b>failing</b> &amp; slow</p><script>alert(1)</script><p>Carol</p></body></html>",
        });

        Assert.Equal("Payouts failing & slow\nCarol", mail.Text);
    }

    [Theory]
    [InlineData("<style>")]
    [InlineData("<")]
    [InlineData("<script x=1>")]
    public void Markup_that_never_closes_still_becomes_text_at_once(string opener)
    {
        // Megabytes of an unclosed opener: quadratic with a backtracking regex (minutes to hours), linear now.
        var html = "<p>Payouts failing</p>" + string.Concat(Enumerable.Repeat(opener, 4 * 1024 * 1024 / opener.Length));

        var mail = InboundEmailRules.Validate(Valid with { Text = "", Html = html });

        Assert.StartsWith("Payouts failing", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_past_the_html_limit_is_not_read()
    {
        var html = "<p>Start</p>" + new string(' ', InboundEmailRules.MaxHtmlChars) + "<p>Past the limit</p>";

        var mail = InboundEmailRules.Validate(Valid with { Text = "", Html = html });

        Assert.Equal("Start", mail.Text);
    }

    [Fact]
    public void A_subject_longer_than_a_mail_line_is_cut_to_one()
    {
        var mail = InboundEmailRules.Validate(Valid with { Subject = string.Concat(Enumerable.Repeat("Re: ", 100_000)) + "Payouts" });

        Assert.Equal(InboundEmailRules.MaxSubjectChars, mail.Subject.Length);
    }

    [Fact]
    public void Header_names_are_matched_whatever_their_case() =>
        Assert.Equal("auto-replied", InboundEmailRules.Validate(Valid with { Headers = new Dictionary<string, string> { ["auto-submitted"] = "auto-replied" } }).Headers["Auto-Submitted"]);

    [Fact]
    public void A_mail_longer_than_a_ticket_can_hold_is_kept_up_to_the_limit()
    {
        var mail = InboundEmailRules.Validate(Valid with { Text = new string('x', 40_000) });

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(mail.Text) <= Domain.Tickets.TicketRules.TextMaxBytes);
        Assert.EndsWith("[… truncated]", mail.Text);
    }
}
