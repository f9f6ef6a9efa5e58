namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Probe runs are counted per minute: two runs started in the same minute (a timer that fired twice, a manual run
/// next to a scheduled one) are one probe for the outage rules.
/// </summary>
public static class ProbeSlot
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % Length.Ticks), TimeSpan.Zero);
    }

    /// <summary>The slot's place in a ring of <paramref name="ringLength"/> entries: the minute number modulo the length.</summary>
    public static int RingIndex(DateTimeOffset slot, int ringLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ringLength, 1);
        var minutes = Of(slot).ToUnixTimeSeconds() / 60;
        return (int)(((minutes % ringLength) + ringLength) % ringLength);
    }
}
