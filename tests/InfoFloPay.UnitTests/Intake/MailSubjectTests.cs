using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class MailSubjectTests
{
    [Theory]
    [InlineData("Re: [IFP-42] We received your request: Payouts failing", new[] { "IFP-42" })]
    [InlineData("RE: [ifp-7] and [IFP-9]", new[] { "IFP-7", "IFP-9" })]
    [InlineData("Payouts failing (IFP-42)", new string[0])]
    [InlineData("[IFP-0x1]", new string[0])]
    public void Ticket_tags_are_read_from_the_subject(string subject, string[] expected) =>
        Assert.Equal(expected, MailSubject.TicketRefs(subject));

    [Theory]
    [InlineData("Re: Fwd: RE: Payouts failing", "Payouts failing")]
    [InlineData("Re: [IFP-42] We received your request", "We received your request")]
    [InlineData("AW: Zahlungen", "Zahlungen")]
    [InlineData("Report\nmissing", "Report missing")]
    [InlineData("Regarding refunds", "Regarding refunds")]
    public void A_new_tickets_subject_has_no_reply_prefixes_or_ticket_tags(string subject, string expected) =>
        Assert.Equal(expected, MailSubject.Clean(subject));

    [Theory]
    [InlineData("[HIGH] Card payments declined", "\"[HIGH]\" in the subject")]
    [InlineData("URGENT: site down", "\"URGENT\" in the subject")]
    [InlineData("High priority: refund stuck", "\"High priority\" in the subject")]
    public void A_sender_high_priority_marker_in_the_subject_is_noticed(string subject, string expected) =>
        Assert.Equal(expected, MailSubject.HighPriorityMarker(subject, new Dictionary<string, string>()));

    [Theory]
    [InlineData("Importance", "High", "Importance: high")]
    [InlineData("X-Priority", "1 (Highest)", "X-Priority: 1 (Highest)")]
    [InlineData("Priority", "urgent", "Priority: urgent")]
    public void A_high_priority_header_is_noticed(string header, string value, string expected) =>
        Assert.Equal(expected, MailSubject.HighPriorityMarker("Refund stuck", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [header] = value }));

    [Theory]
    [InlineData("Highlights of the report", "X-Priority", "3 (Normal)")]
    [InlineData("Urgently needed? no", "Importance", "normal")]
    public void Ordinary_mail_carries_no_marker(string subject, string header, string value) =>
        Assert.Null(MailSubject.HighPriorityMarker(subject, new Dictionary<string, string> { [header] = value }));
}
