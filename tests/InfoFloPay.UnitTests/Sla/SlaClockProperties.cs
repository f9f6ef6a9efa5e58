using FsCheck.Xunit;
using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>Any row of the shipped policy, any creation instant, one pending stretch that starts and ends at random.</summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
public class SlaClockProperties
{
    private static readonly SlaClock Clock = new(Default);

    [Property]
    public void Exactly_the_target_of_unpaused_working_time_runs_before_the_due_time(
        DateTimeOffset created, SlaTier tier, SlaPriority priority, TimeSpan untilPause, TimeSpan pauseLength)
    {
        var pause = new SlaPause(created + untilPause, created + untilPause + pauseLength);
        var state = Clock.Evaluate(new SlaTimeline(created, tier, priority, Pauses: [pause]), pause.End!.Value);
        var targets = Default.TargetsFor(tier, priority);
        var calendar = Default.CalendarFor(targets.Calendar);

        Assert.Equal(targets.FirstResponse, CountedTime(calendar, created, state.FirstResponseDueAt!.Value, pause));
        Assert.Equal(targets.FirstResponse - targets.WarningLead, CountedTime(calendar, created, state.FirstResponse.WarningAt!.Value, pause));
        if (targets.Resolution is { } resolution)
        {
            Assert.Equal(resolution, CountedTime(calendar, created, state.ResolutionDueAt!.Value, pause));
        }
    }

    [Property]
    public void Pending_never_brings_a_due_time_forward(
        DateTimeOffset created, SlaTier tier, SlaPriority priority, TimeSpan untilPause, TimeSpan pauseLength)
    {
        var unpaused = new SlaTimeline(created, tier, priority);
        var paused = unpaused with { Pauses = [new SlaPause(created + untilPause, created + untilPause + pauseLength)] };
        var now = created + untilPause + pauseLength;

        Assert.True(Clock.Evaluate(paused, now).FirstResponseDueAt >= Clock.Evaluate(unpaused, now).FirstResponseDueAt);
    }

    [Property]
    public void The_next_checkpoint_is_never_later_than_any_notice_that_becomes_due(
        DateTimeOffset created, SlaTier tier, SlaPriority priority, TimeSpan elapsed)
    {
        var timeline = new SlaTimeline(created, tier, priority);
        var now = created + elapsed;
        HashSet<string> sent = [];
        var checkpoint = SlaEscalationPlanner.NextCheckpoint(Clock.Evaluate(timeline, created), sent);

        var due = SlaEscalationPlanner.NoticesDue(Clock.Evaluate(timeline, now), now, sent);

        Assert.True(due.Count == 0 || checkpoint <= now, $"notices due at {now:O} but the checkpoint was {checkpoint:O}");
        Assert.True(checkpoint > now || due.Count > 0, $"nothing due at {now:O} although the checkpoint {checkpoint:O} has passed");
    }

    private static TimeSpan CountedTime(IWorkCalendar calendar, DateTimeOffset from, DateTimeOffset to, SlaPause pause)
    {
        var pauseEnd = pause.End!.Value < to ? pause.End.Value : to;
        return calendar.BusinessTimeBetween(from, to) - calendar.BusinessTimeBetween(pause.Start, pauseEnd);
    }
}
