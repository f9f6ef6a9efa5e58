using InfoFloPay.Domain.Intake;

namespace InfoFloPay.UnitTests.Intake;

public class QuotedReplyTests
{
    [Fact]
    public void The_on_wrote_block_and_everything_after_it_goes()
    {
        var text = "Still failing this morning.\n\nOn Tue, 24 Nov 2026 at 09:00, InfoFlo Pay Support <support@infoflopay.example> wrote:\n> We received your request.\n> Ticket IFP-7";

        Assert.Equal("Still failing this morning.", QuotedReply.Strip(text));
    }

    [Fact]
    public void An_on_wrote_line_wrapped_by_the_mail_program_is_recognised()
    {
        var text = "Thanks, that fixed it.\r\n\r\nOn Tue, 24 Nov 2026 at 09:00, InfoFlo Pay Support <support@infoflopay.example>\r\nwrote:\r\n\r\nOld text";

        Assert.Equal("Thanks, that fixed it.", QuotedReply.Strip(text));
    }

    [Fact]
    public void Outlook_original_message_separator_cuts_the_rest()
    {
        var text = "See attached log.\n\n-----Original Message-----\nFrom: Support\nSent: Tuesday\nOld text";

        Assert.Equal("See attached log.", QuotedReply.Strip(text));
    }

    [Fact]
    public void Interleaved_quote_lines_are_removed_and_the_answers_kept()
    {
        var text = "> Which merchant account?\nThe main one, 4471.\n> Since when?\nSince Monday.";

        Assert.Equal("The main one, 4471.\nSince Monday.", QuotedReply.Strip(text));
    }

    [Fact]
    public void A_sentence_starting_with_on_is_not_a_quote_header() =>
        Assert.Equal("On Monday the payouts stopped.\nPlease check.", QuotedReply.Strip("On Monday the payouts stopped.\nPlease check."));
}
