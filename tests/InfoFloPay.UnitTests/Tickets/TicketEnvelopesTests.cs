using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.UnitTests.Tickets;

public sealed class TicketEnvelopesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Caller Agent = new(CallerRole.Agent, "ava@infoflopay.example", "Ava", null);
    private static readonly Caller Desk = Caller.System("email intake");

    /// <summary>An unknown sender's ticket (no account), assigned to Ava and waiting on the sender.</summary>
    private static Ticket Waiting()
    {
        var opened = TicketLifecycle.Open("IFP-1001", new NewTicket("Help", "My payout", new Requester("Zed", "zed@unknown.example"), null, TicketPriority.Medium, "unknown-sender", TicketChannel.Email), "essentials", Desk, T0).Ticket;
        var triaged = TicketLifecycle.Triage(opened, TicketPriority.High, Agent.Email, Agent, T0).Ticket;
        return TicketLifecycle.ChangeStatus(triaged, TicketStatus.Pending, null, Agent, T0.AddHours(1)).Ticket;
    }

    [Fact]
    public void The_requesters_mail_kept_as_a_note_is_published_as_a_customer_reply_for_the_assignee()
    {
        var envelopes = TicketEnvelopes.For(TicketLifecycle.RequesterNote(Waiting(), "Email from Zed: P-1", Desk, T0.AddHours(2)));

        // The mail also reopens the waiting ticket: that move is a status change of its own.
        Assert.Equal([HelpdeskEventTypes.TicketReplied, HelpdeskEventTypes.TicketStatusChanged], envelopes.Select(e => e.Type));
        var envelope = envelopes[0];
        var replied = envelope.ReadData<TicketRepliedData>();
        Assert.Equal((ReplyAuthorRole.Customer, "zed@unknown.example", Agent.Email, "Email from Zed: P-1"),
            (replied.AuthorRole, replied.Author.Email, replied.Assignee?.Email, replied.Body));
    }

    [Fact]
    public void A_staff_note_is_published_to_nobody()
    {
        Assert.Empty(TicketEnvelopes.For(TicketLifecycle.Reply(Waiting(), "Checked the logs.", isInternal: true, Agent, T0.AddHours(2))));
        Assert.Empty(TicketEnvelopes.For(TicketLifecycle.Reply(Waiting(), "Unknown sender: check who they are.", isInternal: true, Desk, T0.AddHours(2))));
    }

    [Fact]
    public void Every_status_move_is_one_status_change_with_its_own_message_id_and_a_resolution_also_stays_ticket_resolved()
    {
        var waiting = Waiting();
        var resolve = TicketLifecycle.ChangeStatus(waiting, TicketStatus.Resolved, "Paid out", Agent, T0.AddHours(2));
        var reopen = TicketLifecycle.Reply(resolve.Ticket, "Not paid", isInternal: false, Caller.Customer("zed@unknown.example", "Zed", null), T0.AddHours(3));

        var resolved = TicketEnvelopes.For(resolve);
        Assert.Equal([HelpdeskEventTypes.TicketResolved, HelpdeskEventTypes.TicketStatusChanged], resolved.Select(e => e.Type));
        Assert.Equal(resolved[0].EventId + "-status", resolved[1].EventId);
        Assert.NotEqual(resolved[0].MessageId, resolved[1].MessageId);
        var data = resolved[1].ReadData<TicketStatusChangedData>();
        Assert.Equal(("pending", "resolved", "Paid out", "email"), (data.From, data.To, data.Note, data.Channel));

        var changes = TicketEnvelopes.For(reopen).Where(e => e.Type == HelpdeskEventTypes.TicketStatusChanged).Select(e => e.ReadData<TicketStatusChangedData>());
        Assert.Equal(("resolved", "open"), Assert.Single(changes) is var open ? (open.From, open.To) : default);
    }
}
