using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Tickets;
using static InfoFloPay.UnitTests.Tickets.SlaTicketSteps;

namespace InfoFloPay.UnitTests.Tickets;

/// <summary>An essentials high ticket opened at 09:00 New York time: first response warned at 12:00, due at 13:00.</summary>
public class TicketListViewTests
{
    private static readonly DateTimeOffset WarningAt = Start.AddHours(3);
    private static readonly DateTimeOffset DueAt = Start.AddHours(4);

    private static readonly SlaEscalation Escalation = new(Policy);

    private static readonly Caller Customer = Caller.Customer("cara@acme.example", "Cara", "acme");

    private static string Stored(Ticket ticket) => JsonSerializer.Serialize(TicketListView.Of(ticket), HelpdeskJson.Options);

    private static string Json(Ticket ticket) => JsonSerializer.Serialize(ticket, HelpdeskJson.Options);

    private static Ticket Listed(Ticket ticket, DateTimeOffset now) =>
        TicketListView.AsOf(JsonSerializer.Deserialize<Ticket>(Stored(ticket), HelpdeskJson.Options)!, now);

    [Fact]
    public void An_unanswered_ticket_is_listed_breached_from_its_due_instant_as_its_clock_says()
    {
        var ticket = Open("high").Ticket;

        Assert.Empty(Listed(ticket, DueAt.AddTicks(-1)).Sla.Breaches);
        Assert.Equal([new SlaBreach(SlaTargetKind.FirstResponse, DueAt)], Listed(ticket, DueAt).Sla.Breaches);
        Assert.Equal(Policy.Evaluate(ticket, DueAt.AddHours(30)).Breaches, Listed(ticket, DueAt.AddHours(30)).Sla.Breaches);
    }

    [Fact]
    public void Recording_the_warning_and_the_breach_leaves_the_list_rows_as_they_were()
    {
        var opened = Open("high").Ticket;
        var warned = Escalation.Escalate(opened, WarningAt)!.Ticket;
        var breached = Escalation.Escalate(warned, DueAt)!.Ticket;

        Assert.Single(breached.Sla.Breaches);
        Assert.Equal(Stored(opened), Stored(warned));
        Assert.Equal(Stored(opened), Stored(breached));
        Assert.Equal(breached.Sla.Breaches, Listed(breached, DueAt).Sla.Breaches);
    }

    [Fact]
    public void A_breach_of_a_clock_that_stopped_is_kept_in_the_list_row_and_is_not_doubled()
    {
        var breached = Escalation.Escalate(Open("high").Ticket, DueAt)!.Ticket;
        var answered = Then(breached, (t, now) => TicketLifecycle.Reply(t, "Looking now.", isInternal: false, Agent, now), DueAt.AddMinutes(20)).Ticket;

        Assert.NotEqual(Stored(breached), Stored(answered));
        Assert.Equal([new SlaBreach(SlaTargetKind.FirstResponse, DueAt)], Listed(answered, DueAt.AddDays(3)).Sla.Breaches);
    }

    [Fact]
    public void A_ticket_paused_before_its_due_time_is_not_listed_breached_however_late_it_is_read()
    {
        var pending = Pend(Open("high").Ticket, WarningAt);

        Assert.Empty(Listed(pending, DueAt.AddDays(10)).Sla.Breaches);
    }

    [Fact]
    public void A_ticket_paused_after_its_breach_is_still_listed_breached()
    {
        var breached = Escalation.Escalate(Open("high").Ticket, DueAt)!.Ticket;
        var pending = Pend(breached, DueAt.AddMinutes(5));

        Assert.Equal(pending.Sla.Breaches, Listed(pending, DueAt.AddMinutes(6)).Sla.Breaches);
        Assert.Single(pending.Sla.Breaches);
    }

    [Fact]
    public void A_list_row_reads_back_as_the_ticket_less_what_only_its_own_row_keeps()
    {
        var warned = Escalation.Escalate(Open("high").Ticket, WarningAt)!.Ticket;

        var listed = Listed(warned, WarningAt);

        Assert.Equal(
            Json(warned with { Description = string.Empty, SentSlaNotices = [], EventCount = 0, Sla = warned.Sla with { NextCheckpointAt = null } }),
            Json(listed));
    }

    /// <summary>
    /// Whatever a ticket went through, its list row read at any later instant shows the breaches its SLA clock gives for that
    /// instant: the list never needs the sweep to have recorded one, and never shows one the clock does not.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_list_row_read_later_shows_the_breaches_the_clock_gives_for_that_instant(int seed)
    {
        var random = new Random(seed);
        var now = Start;
        var ticket = Open(random.Next(2) == 0 ? "high" : "urgent").Ticket;
        for (var step = 0; step < 40; step++)
        {
            now = now.AddMinutes(random.Next(0, 240));
            ticket = Next(ticket, random.Next(8), now) ?? ticket;
            for (var read = 0; read < 3; read++)
            {
                var at = now.AddMinutes(random.Next(0, 3 * 24 * 60));
                Assert.Equal(Policy.Evaluate(ticket, at).Breaches, Listed(ticket, at).Sla.Breaches);
            }
        }
    }

    /// <summary>Triaged open, then set pending (a new ticket cannot wait on the customer yet).</summary>
    private static Ticket Pend(Ticket ticket, DateTimeOffset at)
    {
        var open = Then(ticket, (t, now) => TicketLifecycle.ChangeStatus(t, TicketStatus.Open, null, Agent, now), at).Ticket;
        var pending = Then(open, (t, now) => TicketLifecycle.ChangeStatus(t, TicketStatus.Pending, null, Agent, now), at).Ticket;
        Assert.True(pending.Sla.Paused);
        return pending;
    }

    private static Ticket? Next(Ticket ticket, int choice, DateTimeOffset now)
    {
        Func<Ticket, DateTimeOffset, TicketChange>? change = choice switch
        {
            0 => (t, at) => TicketLifecycle.Reply(t, "On it.", isInternal: false, Agent, at),
            1 => (t, at) => TicketLifecycle.Reply(t, "Checking logs.", isInternal: true, Agent, at),
            2 => (t, at) => TicketLifecycle.Reply(t, "Any news?", isInternal: false, Customer, at),
            3 => (t, at) => TicketLifecycle.ChangeStatus(t, TicketStatus.Pending, null, Agent, at),
            4 => (t, at) => TicketLifecycle.ChangeStatus(t, TicketStatus.Open, null, Agent, at),
            5 => (t, at) => TicketLifecycle.ChangeStatus(t, TicketStatus.Resolved, null, Agent, at),
            6 => (t, at) => TicketLifecycle.ChangeStatus(t, TicketStatus.Closed, null, Agent, at),
            _ => null,
        };
        if (change is null)
        {
            return Escalation.Escalate(ticket, now)?.Ticket;
        }

        try
        {
            return Then(ticket, change, now).Ticket;
        }
        catch (RequestRejectedException)
        {
            // A move the status graph does not allow from here: the walk tries another next step.
            return null;
        }
    }
}
