namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// A target's probes are counted per slot of its own interval: slot n covers
/// [epoch + n × interval − <see cref="Tolerance"/>, epoch + (n + 1) × interval − <see cref="Tolerance"/>) and is named by
/// its nominal instant epoch + n × interval. The probe timer fires on whole multiples of 10 s, so the slot edges sit half a
/// timer period away from every firing: a firing up to 5 s early or late still lands in the slot it was meant for, and two
/// runs in the same slot (a timer that fired twice, a manual run next to a scheduled one) are one probe.
/// </summary>
public static class ProbeSlot
{
    /// <summary>The interval a target has unless it says otherwise, and the slot length of the v1 per-minute counting.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    /// <summary>How far before its nominal instant a slot starts: half the shortest interval (10 s).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    public static DateTimeOffset Of(DateTimeOffset instant) => Of(instant, Length);

    public static DateTimeOffset Of(DateTimeOffset instant, TimeSpan interval) =>
        new(DateTimeOffset.UnixEpoch.Ticks + (Number(instant, interval) * interval.Ticks), TimeSpan.Zero);

    /// <summary>The slot's number since the Unix epoch: floor((instant − anchor) / interval), anchor = epoch − tolerance.</summary>
    public static long Number(DateTimeOffset instant, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var sinceAnchor = instant.UtcTicks - DateTimeOffset.UnixEpoch.Ticks + Tolerance.Ticks;
        var number = sinceAnchor / interval.Ticks;
        return sinceAnchor % interval.Ticks < 0 ? number - 1 : number;
    }

    /// <summary>The slot's place in a ring of <paramref name="ringLength"/> entries: the minute number modulo the length.</summary>
    public static int RingIndex(DateTimeOffset slot, int ringLength) => RingIndex(slot, Length, ringLength);

    /// <summary>The slot's place in a ring of <paramref name="ringLength"/> entries: the slot number modulo the length.</summary>
    public static int RingIndex(DateTimeOffset slot, TimeSpan interval, int ringLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ringLength, 1);
        var number = Number(slot, interval);
        return (int)(((number % ringLength) + ringLength) % ringLength);
    }
}
