using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class ProbeSlotTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_up_to_five_seconds_early_or_late_counts_for_the_slot_it_was_meant_for()
    {
        var minute = TimeSpan.FromMinutes(1);
        var early = ProbeSlot.Of(new DateTimeOffset(2026, 11, 26, 10, 3, 55, 120, TimeSpan.Zero), minute);
        var late = ProbeSlot.Of(new DateTimeOffset(2026, 11, 26, 5, 4, 4, 900, TimeSpan.FromHours(-5)), minute);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 4, 0, TimeSpan.Zero), early);
        Assert.Equal(early, late);
        Assert.Equal(early.AddMinutes(1), ProbeSlot.Of(early.AddSeconds(55), minute));
    }

    [Fact]
    public void A_day_of_minutes_fills_a_ring_of_1440_once()
    {
        var indexes = Enumerable.Range(0, 1440).Select(m => ProbeSlot.RingIndex(Start.AddMinutes(m), 1440)).ToHashSet();

        Assert.Equal(1440, indexes.Count);
        Assert.Equal(ProbeSlot.RingIndex(Start, 1440), ProbeSlot.RingIndex(Start.AddDays(1), 1440));
    }

    /// <summary>
    /// The property the due check rests on: with a timer every 10 s whose firings wander by up to ±1 s, a target is probed
    /// exactly once in every slot of its interval, whatever the jitter. Each firing probes when its slot is later than the
    /// last one probed, as <c>ProbeRunner</c> does.
    /// </summary>
    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(3600)]
    public void Random_jitter_of_a_second_on_the_timer_never_changes_the_probes_per_slot(int intervalSeconds)
    {
        var interval = TimeSpan.FromSeconds(intervalSeconds);
        var hours = 3;
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var probed = new List<DateTimeOffset>();
            DateTimeOffset? last = null;
            for (var firing = 0; firing < hours * 360; firing++)
            {
                var jitter = TimeSpan.FromMilliseconds(random.Next(-1000, 1001));
                var slot = ProbeSlot.Of(Start.AddSeconds(firing * 10) + jitter, interval);
                if (last is null || slot > last)
                {
                    probed.Add(slot);
                    last = slot;
                }
            }

            var expected = Enumerable.Range(0, (int)Math.Ceiling(hours * 3600.0 / intervalSeconds))
                .Select(n => ProbeSlot.Of(Start, interval) + (interval * n))
                .Where(s => s <= ProbeSlot.Of(Start.AddSeconds(((hours * 360) - 1) * 10), interval))
                .ToList();
            Assert.Equal(expected, probed);
        }
    }

    [Fact]
    public void The_minute_slots_of_v1_are_the_60_second_slots()
    {
        Assert.Equal(ProbeSlot.Of(Start.AddSeconds(20)), ProbeSlot.Of(Start.AddSeconds(20), TimeSpan.FromSeconds(60)));
        Assert.Equal(Start, ProbeSlot.Of(Start.AddSeconds(20)));
    }
}
