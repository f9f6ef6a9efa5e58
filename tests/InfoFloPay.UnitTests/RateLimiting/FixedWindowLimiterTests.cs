using InfoFloPay.Functions.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.UnitTests.RateLimiting;

public class FixedWindowLimiterTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-26T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Past_the_limit_a_key_is_refused_until_its_window_ends_and_then_passes_again()
    {
        var limiter = new FixedWindowLimiter(_clock);
        var window = TimeSpan.FromMinutes(1);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(limiter.TryAcquire("carol", 3, window).Allowed));
        _clock.Advance(TimeSpan.FromSeconds(15));
        var refused = limiter.TryAcquire("carol", 3, window);
        var again = limiter.TryAcquire("carol", 3, window);

        Assert.Equal(new RateLimitDecision(false, TimeSpan.FromSeconds(45), FirstRefusal: true), refused);
        Assert.Equal(new RateLimitDecision(false, TimeSpan.FromSeconds(45), FirstRefusal: false), again);
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True(limiter.TryAcquire("carol", 3, window).Allowed);
    }

    [Fact]
    public void Each_key_has_its_own_count()
    {
        var limiter = new FixedWindowLimiter(_clock);

        Assert.True(limiter.TryAcquire("carol", 1, TimeSpan.FromMinutes(1)).Allowed);
        Assert.False(limiter.TryAcquire("carol", 1, TimeSpan.FromMinutes(1)).Allowed);
        Assert.True(limiter.TryAcquire("dave", 1, TimeSpan.FromMinutes(1)).Allowed);
    }
}
