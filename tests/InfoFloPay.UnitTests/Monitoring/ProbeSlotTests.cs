using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class ProbeSlotTests
{
    [Fact]
    public void Runs_started_within_the_same_minute_share_a_slot()
    {
        var early = ProbeSlot.Of(new DateTimeOffset(2026, 11, 26, 10, 4, 0, 120, TimeSpan.Zero));
        var late = ProbeSlot.Of(new DateTimeOffset(2026, 11, 26, 5, 4, 59, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 4, 0, TimeSpan.Zero), early);
        Assert.Equal(early, late);
    }

    [Fact]
    public void A_day_of_minutes_fills_a_ring_of_1440_once()
    {
        var start = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

        var indexes = Enumerable.Range(0, 1440).Select(m => ProbeSlot.RingIndex(start.AddMinutes(m), 1440)).ToHashSet();

        Assert.Equal(1440, indexes.Count);
        Assert.Equal(ProbeSlot.RingIndex(start, 1440), ProbeSlot.RingIndex(start.AddDays(1), 1440));
    }
}
