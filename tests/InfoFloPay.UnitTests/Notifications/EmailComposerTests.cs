using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Notifications;

public class EmailComposerTests
{
    private static readonly NotificationTemplates Templates = new();

    private readonly EmailComposer _composer = new(
        Templates, Options.Create(new SupportRosterOptions { SupportAddress = "help@infoflopay.example" }));

    private static NotificationModel Model(NotificationKind kind) => new(kind, "IFP-1042", "Payouts failing")
    {
        RequesterName = "Cara Customer",
        RequesterEmail = "cara@customer.example",
        AssigneeName = "Ava Agent",
        AssigneeEmail = "ava@infoflopay.example",
        Priority = "urgent",
        Body = "Since 09:00 every payout returns 502.",
        AuthorName = "Ava Agent",
        SlaTarget = "firstResponse",
        DueAt = "2026-11-26 15:00 UTC",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_has_a_subject_with_the_ticket_id_and_both_parts(NotificationKind kind)
    {
        var email = await _composer.ComposeAsync(Model(kind), new("cara@customer.example", "Cara Customer"), "key");

        Assert.StartsWith("[IFP-1042] ", email.Subject);
        Assert.True(email.Subject.Length > "[IFP-1042] ".Length);
        Assert.Contains("IFP-1042", email.PlainText);
        Assert.DoesNotContain("<", email.PlainText);
        Assert.Contains("<p>", email.Html);
    }

    public static TheoryData<NotificationKind> Kinds() => [.. Enum.GetValues<NotificationKind>()];

    [Fact]
    public async Task Customer_text_is_html_encoded_in_the_html_part_and_left_readable_in_the_text_part()
    {
        var model = Model(NotificationKind.StaffReply) with
        {
            TicketSubject = "<script>alert('s')</script>",
            Body = "Try <b>this</b> & <script>steal()</script>",
        };

        var email = await _composer.ComposeAsync(model, new("cara@customer.example"), null);

        Assert.DoesNotContain("<script>", email.Html);
        Assert.DoesNotContain("<b>this</b>", email.Html);
        Assert.Contains("&lt;script&gt;steal()&lt;/script&gt;", email.Html);
        Assert.Contains("Try <b>this</b> & <script>steal()</script>", email.PlainText);
        Assert.Equal("[IFP-1042] Re: <script>alert('s')</script>", email.Subject);
    }

    [Fact]
    public async Task A_subject_with_line_breaks_stays_one_header_line()
    {
        var model = Model(NotificationKind.Acknowledgement) with { TicketSubject = "Help\r\nBcc: victim@example.com" };

        var email = await _composer.ComposeAsync(model, new("cara@customer.example"), null);

        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\r', email.Subject);
    }

    [Fact]
    public async Task Mail_is_marked_auto_generated_and_replies_go_to_the_support_address()
    {
        var email = await _composer.ComposeAsync(Model(NotificationKind.Resolved), new("cara@customer.example", "Cara"), "IFP-1042/e1/email/cara");

        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        Assert.Equal("help@infoflopay.example", email.ReplyTo?.Address);
        Assert.Equal([new EmailAddress("cara@customer.example", "Cara")], email.To);
        Assert.Equal("IFP-1042", email.TicketId);
        Assert.Equal("IFP-1042/e1/email/cara", email.IdempotencyKey);
    }

    [Fact]
    public async Task The_message_id_is_one_ACS_keeps_and_the_same_for_a_resend_of_the_same_delivery()
    {
        var first = await _composer.ComposeAsync(Model(NotificationKind.Resolved), new("cara@customer.example", "Cara"), "IFP-1042/e1/email/cara");
        var resend = await _composer.ComposeAsync(Model(NotificationKind.Resolved), new("cara@customer.example", "Cara"), "IFP-1042/e1/email/cara");
        var other = await _composer.ComposeAsync(Model(NotificationKind.Resolved), new("ben@infoflopay.example", "Ben"), "IFP-1042/e1/email/ben");

        // ACS Email keeps a custom Message-ID only in RFC 2822 form, <left@domain>; anything else it replaces silently,
        // and then replies could thread only by the [IFP-n] subject.
        Assert.Matches(@"^<IFP-1042\.[0-9a-f]{24}@infoflopay\.example>$", first.Headers["Message-ID"]);
        Assert.Equal(first.Headers["Message-ID"], resend.Headers["Message-ID"]);
        Assert.NotEqual(first.Headers["Message-ID"], other.Headers["Message-ID"]);
    }

    [Fact]
    public async Task Greets_the_recipient_by_name()
    {
        var email = await _composer.ComposeAsync(Model(NotificationKind.Assigned), new("ben@infoflopay.example", "Ben Agent"), null);

        Assert.Contains("Hello Ben Agent,", email.PlainText);
        Assert.Contains("<p>Hello Ben Agent,</p>", email.Html);
    }
}
