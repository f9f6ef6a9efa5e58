using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class AutoSubmittedMailTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("auto-submitted", "auto-generated", "Auto-Submitted: auto-generated")]
    [InlineData("Precedence", "bulk", "Precedence: bulk")]
    [InlineData("Precedence", "JUNK", "Precedence: JUNK")]
    [InlineData("Precedence", "list", "Precedence: list")]
    [InlineData("Precedence", "auto_reply", "Precedence: auto_reply")]
    [InlineData("X-Autoreply", "yes", "X-Autoreply header")]
    [InlineData("X-Auto-Response-Suppress", "All", "X-Auto-Response-Suppress header")]
    [InlineData("X-IFP-Ticket", "IFP-7", "X-IFP-Ticket header (mail sent by this desk)")]
    public void Machine_headers_drop_the_mail_and_say_why(string header, string value, string reason)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [header] = value };

        Assert.Equal(reason, AutoSubmittedMail.Reason("cara@contoso.com", headers));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.contoso.com")]
    [InlineData("postmaster@contoso.com")]
    [InlineData("noreply@contoso.com")]
    [InlineData("no-reply@contoso.com")]
    public void Machine_senders_are_dropped(string sender) =>
        Assert.Equal($"machine sender {sender}", AutoSubmittedMail.Reason(sender, new Dictionary<string, string>()));

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Precedence", "normal")]
    [InlineData("Importance", "high")]
    public void Mail_a_person_wrote_is_kept(string header, string value) =>
        Assert.Null(AutoSubmittedMail.Reason("cara@contoso.com", new Dictionary<string, string> { [header] = value }));
}
