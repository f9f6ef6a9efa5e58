using InfoFloPay.Domain.Sla;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

/// <summary>
/// Every row of the shipped policy, for a ticket created on Tuesday 24 November 2026 at 10:00 New York time (15:00 UTC).
/// Working time from there: Tuesday 7h, Wednesday 9h (16h), Thursday is Thanksgiving, Friday 9h (25h), Monday 30th 9h (34h),
/// Tuesday 1 December 9h (43h), Wednesday 2 December 9h (52h). Expected times were worked out by hand from that.
/// </summary>
public class DefaultPolicyTests
{
    private static readonly DateTimeOffset CreatedAt = Utc(2026, 11, 24, 15);

    public static TheoryData<SlaTier, SlaPriority, string, string, string?, string?> Rows => new()
    {
        // tier, priority, first-response warning, first-response due, resolution warning, resolution due (all UTC)
        { SlaTier.Essentials, SlaPriority.Urgent, "2026-11-24T15:45Z", "2026-11-24T16:00Z", null, null },
        { SlaTier.Essentials, SlaPriority.High, "2026-11-24T18:00Z", "2026-11-24T19:00Z", null, null },
        { SlaTier.Essentials, SlaPriority.Medium, "2026-11-27T17:00Z", "2026-11-27T21:00Z", "2026-12-02T14:00Z", "2026-12-02T18:00Z" },
        { SlaTier.Essentials, SlaPriority.Low, "2026-11-27T21:00Z", "2026-12-02T18:00Z", null, null },
        { SlaTier.Reserve, SlaPriority.Urgent, "2026-11-24T15:35Z", "2026-11-24T15:45Z", null, null },
        { SlaTier.Reserve, SlaPriority.High, "2026-11-24T17:15Z", "2026-11-24T18:00Z", null, null },
        { SlaTier.Reserve, SlaPriority.Medium, "2026-11-25T21:00Z", "2026-11-27T15:00Z", "2026-11-30T21:00Z", "2026-12-01T15:00Z" },
        { SlaTier.Reserve, SlaPriority.Low, "2026-11-27T15:00Z", "2026-12-01T15:00Z", null, null },
        { SlaTier.Vip, SlaPriority.Urgent, "2026-11-24T15:20Z", "2026-11-24T15:30Z", null, null },
        { SlaTier.Vip, SlaPriority.High, "2026-11-24T16:30Z", "2026-11-24T17:00Z", null, null },
        { SlaTier.Vip, SlaPriority.Medium, "2026-11-25T16:00Z", "2026-11-25T18:00Z", "2026-11-27T19:00Z", "2026-11-27T21:00Z" },
        { SlaTier.Vip, SlaPriority.Low, "2026-11-25T18:00Z", "2026-11-27T21:00Z", null, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_default_row_gives_the_documented_due_and_warning_times(
        SlaTier tier, SlaPriority priority, string firstResponseWarning, string firstResponseDue, string? resolutionWarning, string? resolutionDue)
    {
        var state = new SlaClock(Default).Evaluate(new SlaTimeline(CreatedAt, tier, priority), CreatedAt);

        Assert.Equal(DateTimeOffset.Parse(firstResponseWarning), state.FirstResponse.WarningAt);
        Assert.Equal(DateTimeOffset.Parse(firstResponseDue), state.FirstResponseDueAt);
        Assert.Equal(resolutionWarning is null ? null : DateTimeOffset.Parse(resolutionWarning), state.Resolution?.WarningAt);
        Assert.Equal(resolutionDue is null ? null : DateTimeOffset.Parse(resolutionDue), state.ResolutionDueAt);
        Assert.False(state.Paused);
        Assert.Empty(state.Breaches);
    }

    [Fact]
    public void The_table_covers_every_tier_and_priority()
    {
        var covered = Rows.Select(row => ((SlaTier)row[0], (SlaPriority)row[1]));

        Assert.Equal(SlaPolicy.AllRows().Order(), covered.Order());
    }

    [Fact]
    public void Reserve_and_vip_are_tighter_than_essentials_on_every_target()
    {
        foreach (var priority in Enum.GetValues<SlaPriority>())
        {
            var essentials = Default.TargetsFor(SlaTier.Essentials, priority);
            var reserve = Default.TargetsFor(SlaTier.Reserve, priority);
            var vip = Default.TargetsFor(SlaTier.Vip, priority);

            Assert.True(reserve.FirstResponse < essentials.FirstResponse, $"reserve {priority}");
            Assert.True(vip.FirstResponse < reserve.FirstResponse, $"vip {priority}");
            if (essentials.Resolution is { } resolution)
            {
                Assert.True(reserve.Resolution < resolution && vip.Resolution < reserve.Resolution, $"resolution {priority}");
            }
        }
    }

    [Fact]
    public void Urgent_runs_round_the_clock_and_everything_else_on_business_hours()
    {
        foreach (var (tier, priority) in SlaPolicy.AllRows())
        {
            var expected = priority == SlaPriority.Urgent ? SlaCalendarKind.RoundTheClock : SlaCalendarKind.Business;
            Assert.Equal(expected, Default.TargetsFor(tier, priority).Calendar);
        }
    }
}
