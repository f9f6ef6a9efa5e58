using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>
/// Tickets created Tuesday 24 November 2026, 10:00 New York (15:00 UTC), on the shipped policy. Thursday the 26th is
/// Thanksgiving. Essentials high: first response 4 business hours (due 14:00 NY); medium: 24h and 48h (due Friday 27th 16:00
/// and Wednesday 2 December 13:00 NY).
/// </summary>
public class SlaClockTests
{
    private static readonly DateTimeOffset Created = NewYorkTime(2026, 11, 24, 10);
    private readonly SlaClock clock = new(Default);

    [Fact]
    public void A_public_staff_reply_before_the_due_time_meets_first_response()
    {
        var reply = NewYorkTime(2026, 11, 24, 13);
        var timeline = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.High, FirstPublicStaffReplyAt: reply);

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 11, 25, 12));

        Assert.Equal(reply, state.FirstResponse.MetAt);
        Assert.False(state.FirstResponse.Running);
        Assert.Empty(state.Breaches);
    }

    [Fact]
    public void No_reply_by_the_due_time_is_a_breach_at_the_due_time()
    {
        var timeline = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.High);

        Assert.Empty(clock.Evaluate(timeline, NewYorkTime(2026, 11, 24, 13, 59)).Breaches);

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 11, 24, 15));

        Assert.Equal(new SlaBreach(SlaTargetKind.FirstResponse, NewYorkTime(2026, 11, 24, 14)), Assert.Single(state.Breaches));
        Assert.True(state.FirstResponse.Running);
    }

    [Fact]
    public void A_late_reply_stops_the_clock_but_the_breach_stands()
    {
        var timeline = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.High, FirstPublicStaffReplyAt: NewYorkTime(2026, 11, 24, 16));

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 11, 25, 9));

        Assert.False(state.FirstResponse.Met);
        Assert.False(state.FirstResponse.Running);
        Assert.Equal(NewYorkTime(2026, 11, 24, 14), state.FirstResponse.BreachedAt);
    }

    [Fact]
    public void Resolving_meets_resolution_and_resolving_without_a_reply_stops_first_response_unmet()
    {
        var resolved = NewYorkTime(2026, 11, 25, 11);
        var timeline = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Medium, ResolvedAt: resolved);

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 12, 10, 12));

        Assert.Equal(resolved, state.Resolution!.MetAt);
        Assert.False(state.FirstResponse.Met);
        Assert.False(state.FirstResponse.Running);
        Assert.Empty(state.Breaches);
    }

    [Fact]
    public void Pending_freezes_both_clocks_and_shows_no_due_time_while_paused()
    {
        var timeline = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium, Pauses: [new SlaPause(NewYorkTime(2026, 11, 24, 11), null)]);

        // Long after the unpaused due times, nothing has run out: only the first hour counted.
        var state = clock.Evaluate(timeline, NewYorkTime(2026, 12, 7, 12));

        Assert.True(state.Paused);
        Assert.True(state.FirstResponse.Paused);
        Assert.True(state.Resolution!.Paused);
        Assert.Null(state.FirstResponseDueAt);
        Assert.Null(state.ResolutionDueAt);
        Assert.Empty(state.Breaches);
    }

    [Fact]
    public void Leaving_pending_pushes_both_due_times_out_by_the_business_time_spent_paused()
    {
        // Pending from Tuesday 11:00 to Wednesday 10:00: 6h on Tuesday and 2h on Wednesday of business time.
        var timeline = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium,
            Pauses: [new SlaPause(NewYorkTime(2026, 11, 24, 11), NewYorkTime(2026, 11, 25, 10))]);

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 11, 25, 10));

        // Unpaused: Friday 16:00 and Wednesday 2 December 13:00; each moves 8 business hours later.
        Assert.Equal(NewYorkTime(2026, 11, 30, 15), state.FirstResponseDueAt);
        Assert.Equal(NewYorkTime(2026, 12, 3, 12), state.ResolutionDueAt);
        Assert.False(state.Paused);
    }

    [Fact]
    public void A_pause_outside_business_hours_does_not_move_a_business_due_time()
    {
        var fridayAfternoon = NewYorkTime(2026, 11, 20, 15);
        var weekendPause = new SlaPause(NewYorkTime(2026, 11, 20, 17, 30), NewYorkTime(2026, 11, 23, 8));
        var paused = new SlaTimeline(fridayAfternoon, SlaTier.Essentials, SlaPriority.High, Pauses: [weekendPause]);
        var unpaused = paused with { Pauses = null };

        var now = NewYorkTime(2026, 11, 23, 8);

        Assert.Equal(NewYorkTime(2026, 11, 23, 10), clock.Evaluate(paused, now).FirstResponseDueAt);
        Assert.Equal(clock.Evaluate(unpaused, now).FirstResponseDueAt, clock.Evaluate(paused, now).FirstResponseDueAt);
    }

    [Fact]
    public void On_the_round_the_clock_calendar_a_pause_moves_the_due_time_by_real_time()
    {
        var created = Utc(2026, 11, 28, 3); // Saturday night: urgent runs anyway
        var timeline = new SlaTimeline(
            created, SlaTier.Essentials, SlaPriority.Urgent,
            Pauses: [new SlaPause(created.AddMinutes(20), created.AddMinutes(50))]);

        Assert.Equal(created.AddMinutes(90), clock.Evaluate(timeline, created.AddMinutes(50)).FirstResponseDueAt);
    }

    [Fact]
    public void A_pause_after_the_reply_does_not_disturb_the_met_first_response()
    {
        var reply = NewYorkTime(2026, 11, 24, 12);
        var timeline = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium, FirstPublicStaffReplyAt: reply,
            Pauses: [new SlaPause(NewYorkTime(2026, 11, 24, 13), null)]);

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 12, 7, 12));

        Assert.Equal(reply, state.FirstResponse.MetAt);
        Assert.Equal(NewYorkTime(2026, 11, 27, 16), state.FirstResponseDueAt);
        Assert.True(state.Resolution!.Paused);
        Assert.Empty(state.Breaches);
    }

    [Fact]
    public void A_priority_change_recomputes_the_targets_from_creation()
    {
        var asLow = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Low);
        var raisedToHigh = asLow with { Priority = SlaPriority.High };

        Assert.Equal(NewYorkTime(2026, 12, 2, 13), clock.Evaluate(asLow, Created).FirstResponseDueAt);
        Assert.Equal(NewYorkTime(2026, 11, 24, 14), clock.Evaluate(raisedToHigh, Created).FirstResponseDueAt);

        // Raised after the high target had already run out: the ticket is breached from that due time.
        var state = clock.Evaluate(raisedToHigh, NewYorkTime(2026, 11, 24, 15, 30));
        Assert.Equal(NewYorkTime(2026, 11, 24, 14), Assert.Single(state.Breaches).At);
    }

    [Fact]
    public void Reopening_restarts_the_resolution_clock_from_the_reopen_time()
    {
        var reopened = NewYorkTime(2026, 11, 30, 9);
        var timeline = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium,
            FirstPublicStaffReplyAt: NewYorkTime(2026, 11, 24, 11),
            ReopenedAt: reopened,
            // A pause from before the reopen no longer counts for the new resolution clock.
            Pauses: [new SlaPause(NewYorkTime(2026, 11, 24, 12), NewYorkTime(2026, 11, 25, 12))]);

        var state = clock.Evaluate(timeline, reopened);

        // 48 business hours from Monday 09:00: Mon 8h, Tue-Fri 36h, then Monday 7 December 08:00-12:00.
        Assert.Equal(NewYorkTime(2026, 12, 7, 12), state.ResolutionDueAt);
        Assert.Equal(reopened, state.Resolution!.StartedAt);
        Assert.NotEqual(SlaClock.ResolutionCycle, state.Resolution.Cycle);
        Assert.True(state.FirstResponse.Met);
    }

    [Fact]
    public void A_resolution_from_before_the_reopen_does_not_stop_the_new_resolution_clock()
    {
        var timeline = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium,
            FirstPublicStaffReplyAt: NewYorkTime(2026, 11, 24, 11),
            ResolvedAt: NewYorkTime(2026, 11, 25, 12),
            ReopenedAt: NewYorkTime(2026, 11, 30, 9));

        var state = clock.Evaluate(timeline, NewYorkTime(2026, 12, 8, 9));

        Assert.True(state.Resolution!.Running);
        Assert.Equal(NewYorkTime(2026, 12, 7, 12), Assert.Single(state.Breaches).At);
    }

    [Fact]
    public void The_warning_comes_the_lead_time_before_the_due_time_on_the_rows_calendar()
    {
        // Essentials low: 48 business hours, warning 24 business hours before.
        var state = clock.Evaluate(new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Low), Created);

        Assert.Equal(TimeSpan.FromHours(24), NewYorkCalendar.BusinessTimeBetween(Created, state.FirstResponse.WarningAt!.Value));
        Assert.Equal(TimeSpan.FromHours(24), NewYorkCalendar.BusinessTimeBetween(state.FirstResponse.WarningAt.Value, state.FirstResponseDueAt!.Value));
    }

    [Fact]
    public void A_stopped_clock_says_how_much_working_time_it_ran_without_the_pending_time_and_a_running_one_says_nothing()
    {
        // Tuesday 10:00 to Wednesday 11:00 is 10 business hours (7 on Tuesday, 3 on Wednesday), of which Tuesday
        // 12:00–14:00 was pending: 8 hours ran.
        var reply = NewYorkTime(2026, 11, 25, 11);
        var pause = new SlaPause(NewYorkTime(2026, 11, 24, 12), NewYorkTime(2026, 11, 24, 14));
        var replied = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Medium, FirstPublicStaffReplyAt: reply, Pauses: [pause]);
        var open = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Medium, Pauses: [pause]);

        Assert.Equal(TimeSpan.FromHours(8), clock.Evaluate(replied, reply).FirstResponse.Elapsed);
        Assert.Null(clock.Evaluate(open, reply).FirstResponse.Elapsed);
    }
}
