using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class AutoSubmittedMailTests
{
    private const string Desk = "support@infoflopay.example";

    /// <summary>sender, header, value, subject → rule and the reason intake answers with. A null header: none.</summary>
    public static TheoryData<string, string?, string, string, DropRule, string> MachineMail => new()
    {
        { "cara@contoso.com", "Auto-Submitted", "auto-replied", "Re: [IFP-7]", DropRule.AutoSubmitted, "Auto-Submitted: auto-replied" },
        { "cara@contoso.com", "auto-submitted", "auto-generated", "Hello", DropRule.AutoSubmitted, "Auto-Submitted: auto-generated" },
        { "cara@contoso.com", "Return-Path", "<>", "Undeliverable: payouts", DropRule.Bounce, "null Return-Path (a bounce)" },
        { "cara@contoso.com", "Return-Path", " <> ", "Hello", DropRule.Bounce, "null Return-Path (a bounce)" },
        { "cara@contoso.com", "X-Failed-Recipients", "gone@contoso.com", "Hello", DropRule.Bounce, "X-Failed-Recipients header (a bounce)" },
        { "cara@contoso.com", "Content-Type", "multipart/report; report-type=delivery-status; boundary=x", "Delivery Status Notification", DropRule.Bounce, "Content-Type: multipart/report (a delivery or read report)" },
        { "cara@contoso.com", "Precedence", "bulk", "Newsletter", DropRule.Bulk, "Precedence: bulk" },
        { "cara@contoso.com", "Precedence", "JUNK", "Hello", DropRule.Bulk, "Precedence: JUNK" },
        { "cara@contoso.com", "Precedence", "list", "Hello", DropRule.Bulk, "Precedence: list" },
        { "cara@contoso.com", "Precedence", "auto_reply", "Hello", DropRule.Bulk, "Precedence: auto_reply" },
        { "cara@contoso.com", "List-Id", "<payments.lists.contoso.com>", "[payments] weekly", DropRule.Bulk, "List-Id header (mailing-list traffic)" },
        { "cara@contoso.com", "X-Autoreply", "yes", "Hello", DropRule.AutoReply, "X-Autoreply header" },
        { "cara@contoso.com", "X-Auto-Response-Suppress", "All", "Hello", DropRule.AutoReply, "X-Auto-Response-Suppress header" },
        { "cara@contoso.com", "X-IFP-Ticket", "IFP-7", "Hello", DropRule.OwnMail, "X-IFP-Ticket header (mail sent by this desk)" },
        { "support@infoflopay.example", null, "", "Re: [IFP-7]", DropRule.OwnMail, "sent from the support address support@infoflopay.example (a loop)" },
        { "Support+billing@InfoFloPay.example", null, "", "Hello", DropRule.OwnMail, "sent from the support address Support+billing@InfoFloPay.example (a loop)" },
        { "MAILER-DAEMON@mx.contoso.com", null, "", "Undelivered Mail Returned to Sender", DropRule.MachineSender, "machine sender MAILER-DAEMON@mx.contoso.com" },
        { "postmaster@contoso.com", null, "", "Hello", DropRule.MachineSender, "machine sender postmaster@contoso.com" },
        { "noreply@contoso.com", null, "", "Hello", DropRule.MachineSender, "machine sender noreply@contoso.com" },
        { "no-reply@contoso.com", null, "", "Hello", DropRule.MachineSender, "machine sender no-reply@contoso.com" },
        { "cara@contoso.com", null, "", "Automatic reply: [IFP-7] Payouts failing", DropRule.AutoReply, "auto-reply subject \"Automatic reply:\"" },
        { "cara@contoso.com", null, "", "Out of Office: Re: [IFP-7]", DropRule.AutoReply, "auto-reply subject \"Out of Office:\"" },
        { "cara@contoso.com", null, "", "Out of Office AutoReply: Payouts", DropRule.AutoReply, "auto-reply subject \"Out of Office AutoReply:\"" },
        { "cara@contoso.com", null, "", "Abwesenheitsnotiz: [IFP-7]", DropRule.AutoReply, "auto-reply subject \"Abwesenheitsnotiz:\"" },
    };

    [Theory]
    [MemberData(nameof(MachineMail))]
    public void Machine_mail_is_dropped_and_says_why(string sender, string? header, string value, string subject, DropRule rule, string reason)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (header is not null)
        {
            headers[header] = value;
        }

        Assert.Equal(new DroppedMail(rule, reason), AutoSubmittedMail.Reason(sender, headers, subject, Desk));
    }

    [Theory]
    [InlineData("cara@contoso.com", "Auto-Submitted", "no", "Re: [IFP-7]")]
    [InlineData("cara@contoso.com", "Precedence", "normal", "Hello")]
    [InlineData("cara@contoso.com", "Importance", "high", "Hello")]
    [InlineData("cara@contoso.com", "Return-Path", "<cara@contoso.com>", "Hello")]
    [InlineData("cara@contoso.com", "Content-Type", "multipart/alternative; boundary=x", "Hello")]
    [InlineData("cara@contoso.com", "Authentication-Results", "mx; dmarc=pass", "Re: out of office hours payouts")]
    [InlineData("cara@contoso.com", "X-Mailer", "Outlook", "My automatic reply rule broke: payouts")]
    [InlineData("support.team@contoso.com", "X-Mailer", "Outlook", "Hello")]
    [InlineData("supporter@infoflopay.example.com", "X-Mailer", "Outlook", "Hello")]
    public void Mail_a_person_wrote_is_kept(string sender, string header, string value, string subject) =>
        Assert.Null(AutoSubmittedMail.Reason(sender, new Dictionary<string, string> { [header] = value }, subject, Desk));
}
