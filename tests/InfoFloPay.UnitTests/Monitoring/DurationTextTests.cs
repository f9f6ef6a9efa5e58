using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(180, "3 min")]
    [InlineData(190, "3 min 10 s")]
    [InlineData(3900, "1 h 5 min")]
    [InlineData(183600, "2 d 3 h")]
    public void Says_durations_the_way_people_do(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Describe(TimeSpan.FromSeconds(seconds)));
}
