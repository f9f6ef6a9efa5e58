using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>Essentials high ticket created Tuesday 24 November 2026 10:00 New York: warning at 13:00, due at 14:00.</summary>
public class SlaEscalationPlannerTests
{
    private static readonly DateTimeOffset Created = NewYorkTime(2026, 11, 24, 10);
    private static readonly DateTimeOffset WarningAt = NewYorkTime(2026, 11, 24, 13);
    private static readonly DateTimeOffset DueAt = NewYorkTime(2026, 11, 24, 14);
    private static readonly HashSet<string> NothingSent = [];
    private readonly SlaClock clock = new(Default);
    private readonly SlaTimeline high = new(Created, SlaTier.Essentials, SlaPriority.High);

    [Fact]
    public void Nothing_is_due_before_the_warning_and_the_checkpoint_is_the_warning_time()
    {
        var state = clock.Evaluate(high, WarningAt.AddMinutes(-1));

        Assert.Empty(SlaEscalationPlanner.NoticesDue(state, WarningAt.AddMinutes(-1), NothingSent));
        Assert.Equal(WarningAt, SlaEscalationPlanner.NextCheckpoint(state, NothingSent));
    }

    [Fact]
    public void At_the_warning_time_the_warning_is_due_once_and_then_the_checkpoint_moves_to_the_due_time()
    {
        var state = clock.Evaluate(high, WarningAt);

        var notice = Assert.Single(SlaEscalationPlanner.NoticesDue(state, WarningAt, NothingSent));
        Assert.Equal(new SlaNotice(SlaTargetKind.FirstResponse, SlaNoticeKind.Warning, "firstResponse:warning", WarningAt, DueAt), notice);

        HashSet<string> sent = [notice.Key];
        Assert.Empty(SlaEscalationPlanner.NoticesDue(state, WarningAt.AddMinutes(5), sent));
        Assert.Equal(DueAt, SlaEscalationPlanner.NextCheckpoint(state, sent));
    }

    [Fact]
    public void After_the_due_time_the_breach_is_due_once_and_then_nothing_is_left_to_check()
    {
        var now = DueAt.AddMinutes(3);
        var state = clock.Evaluate(high, now);
        HashSet<string> sent = ["firstResponse:warning"];

        var notice = Assert.Single(SlaEscalationPlanner.NoticesDue(state, now, sent));
        Assert.Equal((SlaNoticeKind.Breach, "firstResponse:breach", DueAt), (notice.Kind, notice.Key, notice.FellDueAt));

        sent.Add(notice.Key);
        Assert.Empty(SlaEscalationPlanner.NoticesDue(state, now.AddHours(1), sent));
        Assert.Null(SlaEscalationPlanner.NextCheckpoint(state, sent));
    }

    [Fact]
    public void A_sweep_that_first_looks_after_the_due_time_sends_the_breach_and_skips_the_stale_warning()
    {
        var now = DueAt.AddHours(2);
        var state = clock.Evaluate(high, now);

        var notice = Assert.Single(SlaEscalationPlanner.NoticesDue(state, now, NothingSent));

        Assert.Equal(SlaNoticeKind.Breach, notice.Kind);
        Assert.Null(SlaEscalationPlanner.NextCheckpoint(state, new HashSet<string> { notice.Key }));
    }

    [Fact]
    public void A_met_target_plans_nothing()
    {
        var now = DueAt.AddHours(1);
        var state = clock.Evaluate(high with { FirstPublicStaffReplyAt = WarningAt.AddMinutes(10) }, now);

        Assert.Empty(SlaEscalationPlanner.NoticesDue(state, now, new HashSet<string> { "firstResponse:warning" }));
        Assert.Null(SlaEscalationPlanner.NextCheckpoint(state, new HashSet<string> { "firstResponse:warning" }));
    }

    [Fact]
    public void A_late_reply_still_leaves_the_unsent_breach_to_be_recorded()
    {
        var now = DueAt.AddHours(1);
        var state = clock.Evaluate(high with { FirstPublicStaffReplyAt = DueAt.AddMinutes(10) }, now);

        Assert.Equal("firstResponse:breach", Assert.Single(SlaEscalationPlanner.NoticesDue(state, now, NothingSent)).Key);
        Assert.Equal(DueAt, SlaEscalationPlanner.NextCheckpoint(state, NothingSent));
    }

    [Fact]
    public void A_paused_ticket_plans_nothing_until_it_leaves_pending()
    {
        var now = DueAt.AddHours(3);
        var state = clock.Evaluate(high with { Pauses = [new SlaPause(Created.AddMinutes(30), null)] }, now);

        Assert.Empty(SlaEscalationPlanner.NoticesDue(state, now, NothingSent));
        Assert.Null(SlaEscalationPlanner.NextCheckpoint(state, NothingSent));
    }

    [Fact]
    public void With_two_clocks_the_checkpoint_is_the_earliest_pending_one()
    {
        var medium = new SlaTimeline(Created, SlaTier.Essentials, SlaPriority.Medium);
        var state = clock.Evaluate(medium, Created);

        Assert.Equal(state.FirstResponse.WarningAt, SlaEscalationPlanner.NextCheckpoint(state, NothingSent));

        var replied = clock.Evaluate(medium with { FirstPublicStaffReplyAt = Created.AddHours(1) }, Created.AddHours(1));
        Assert.Equal(replied.Resolution!.WarningAt, SlaEscalationPlanner.NextCheckpoint(replied, NothingSent));
    }

    [Fact]
    public void A_reopened_ticket_gets_fresh_resolution_notices_while_old_ones_stay_sent()
    {
        var medium = new SlaTimeline(
            Created, SlaTier.Essentials, SlaPriority.Medium,
            FirstPublicStaffReplyAt: Created.AddHours(1),
            ReopenedAt: NewYorkTime(2026, 12, 3, 9));
        HashSet<string> sent = ["firstResponse:warning", "resolution:warning", "resolution:breach"];
        var now = NewYorkTime(2026, 12, 14, 9);

        var notices = SlaEscalationPlanner.NoticesDue(clock.Evaluate(medium, now), now, sent);

        var breach = Assert.Single(notices);
        Assert.Equal(SlaTargetKind.Resolution, breach.Target);
        Assert.Equal(SlaNoticeKind.Breach, breach.Kind);
        Assert.DoesNotContain(breach.Key, sent);
        Assert.Equal(breach.Key, SlaEscalationPlanner.NoticesDue(clock.Evaluate(medium, now.AddMinutes(5)), now.AddMinutes(5), sent).Single().Key);
    }

    [Fact]
    public void Two_overlapping_sweeps_plan_the_same_keys_so_storage_can_let_only_one_send()
    {
        var now = DueAt.AddMinutes(1);

        var first = SlaEscalationPlanner.NoticesDue(clock.Evaluate(high, now), now, NothingSent);
        var second = SlaEscalationPlanner.NoticesDue(clock.Evaluate(high, now.AddSeconds(30)), now.AddSeconds(30), NothingSent);

        Assert.Equal(first.Select(notice => notice.Key), second.Select(notice => notice.Key));
    }
}
