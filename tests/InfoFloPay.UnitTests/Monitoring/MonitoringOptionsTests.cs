using InfoFloPay.Functions.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class MonitoringOptionsTests
{
    private static MonitoringOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMonitoring(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
    }

    [Fact]
    public void Defaults_note_every_30_minutes_reopen_within_30_minutes_resolve_and_keep_a_day()
    {
        var options = Bind([]);

        Assert.Equal(TimeSpan.FromMinutes(30), options.NoteInterval);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ReopenWindow);
        Assert.True(options.AutoResolve);
        Assert.Equal(1440, options.HistoryLength);
    }

    [Fact]
    public void Settings_change_the_rules()
    {
        var options = Bind(new()
        {
            ["Monitoring:NoteInterval"] = "00:15:00",
            ["Monitoring:ReopenWindow"] = "01:00:00",
            ["Monitoring:AutoResolve"] = "false",
        });

        Assert.Equal(TimeSpan.FromMinutes(15), options.NoteInterval);
        Assert.Equal(TimeSpan.FromHours(1), options.ReopenWindow);
        Assert.False(options.AutoResolve);
    }

    [Theory]
    [InlineData("Monitoring:NoteInterval", "00:00:10")]
    [InlineData("Monitoring:ReopenWindow", "-00:05:00")]
    [InlineData("Monitoring:HistoryLength", "0")]
    [InlineData("Monitoring:HistoryLength", "10000")]
    public void Settings_out_of_range_are_refused(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(key, failure.Message);
    }
}
