using System.Text.Json.Nodes;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Functions.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static InfoFloPay.UnitTests.Sla.SlaTestPolicies;

namespace InfoFloPay.UnitTests.Sla;

public class SlaPolicyLoaderTests
{
    [Fact]
    public void The_shipped_file_reads_the_policy_numbers_and_the_calendar()
    {
        var policy = SlaPolicyLoader.Parse(ShippedPolicyJson);

        Assert.Equal(
            new SlaTargets(TimeSpan.FromHours(24), TimeSpan.FromHours(48), SlaCalendarKind.Business, TimeSpan.FromHours(4)),
            policy.TargetsFor(SlaTier.Essentials, SlaPriority.Medium));
        Assert.Equal("America/New_York", policy.BusinessCalendar.TimeZone.Id);
        Assert.Equal(new TimeOnly(8, 0), policy.BusinessCalendar.Hours.Start);
        Assert.Equal(new TimeOnly(17, 0), policy.BusinessCalendar.Hours.End);
    }

    [Fact]
    public void Federal_holidays_are_closed_days_in_every_year_not_only_around_start_up()
    {
        var calendar = SlaPolicyLoader.Parse(ShippedPolicyJson).BusinessCalendar;

        Assert.Contains(new DateOnly(1999, 11, 25), calendar.HolidaysIn(1999));
        Assert.Contains(new DateOnly(2027, 11, 25), calendar.HolidaysIn(2027));
        Assert.Contains(new DateOnly(2061, 11, 24), calendar.HolidaysIn(2061));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2061, 11, 24)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2061, 11, 23)));
    }

    [Fact]
    public void Explicit_holidays_replace_the_federal_ones_when_those_are_turned_off()
    {
        var json = Edit(document =>
        {
            document["calendar"]!["usFederalHolidays"] = false;
            document["calendar"]!["holidays"] = new JsonArray("2026-12-24", "2026-12-31", "2027-01-04");
        });

        var calendar = SlaPolicyLoader.Parse(json).BusinessCalendar;

        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)], calendar.HolidaysIn(2026).Order());
        Assert.Equal([new DateOnly(2027, 1, 4)], calendar.HolidaysIn(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Explicit_holidays_are_closed_on_top_of_the_federal_ones()
    {
        var json = Edit(document => document["calendar"]!["holidays"] = new JsonArray("2026-12-24"));

        var holidays = SlaPolicyLoader.Parse(json).BusinessCalendar.HolidaysIn(2026);

        Assert.Contains(new DateOnly(2026, 12, 24), holidays);
        Assert.Contains(new DateOnly(2026, 12, 25), holidays);
        Assert.Equal(12, holidays.Count);
    }

    // "Now" at start-up is a year before the span: the calendar must still know the holidays of Y and Y+1.
    // Y = 2027: New Year's Day 2028 is a Saturday, observed on Friday 31 December 2027 (Thursday then Monday are worked).
    // Y = 2030: New Year's Day 2031 is a Wednesday (Monday, Tuesday, Thursday and Friday are worked).
    [Theory]
    [InlineData(2027, 18)]
    [InlineData(2030, 36)]
    public void Working_time_across_New_Year_skips_the_holiday_whenever_the_app_started(int year, int workingHours)
    {
        using var provider = Services(policyFile: null, now: Utc(year - 1, 6, 1, 12));
        var calendar = provider.GetRequiredService<SlaPolicy>().BusinessCalendar;
        var from = NewYorkTime(year, 12, 30, 8);
        var until = NewYorkTime(year + 1, 1, 3, 17);

        Assert.Equal(TimeSpan.FromHours(workingHours), calendar.BusinessTimeBetween(from, until));
        Assert.Equal(until, calendar.AddBusinessTime(from, TimeSpan.FromHours(workingHours)));
    }

    [Theory]
    [InlineData("vip", "high", "firstResponse", "four hours", "tiers.vip.high.firstResponse: must be a positive duration")]
    [InlineData("vip", "high", "firstResponse", "PT0M", "tiers.vip.high.firstResponse: must be a positive duration")]
    [InlineData("reserve", "medium", "resolution", "P2D", "tiers.reserve.medium.resolution: must be a positive duration")]
    [InlineData("essentials", "urgent", "calendar", "weekdays", "tiers.essentials.urgent.calendar: must be 'business' or '24x7'")]
    [InlineData("essentials", "low", "warningLead", "PT48H", "tiers.essentials.low.warningLead: must be shorter than firstResponse")]
    [InlineData("essentials", "medium", "warningLead", "soon", "tiers.essentials.medium.warningLead: must be an ISO-8601 duration")]
    public void A_bad_value_is_reported_with_the_entry_it_is_in(string tier, string priority, string field, string value, string expected)
    {
        var json = Edit(document => document["tiers"]![tier]![priority]![field] = value);

        var error = Assert.Throws<SlaPolicyException>(() => SlaPolicyLoader.Parse(json));

        Assert.Contains(error.Errors, message => message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_row_and_an_unknown_tier_are_both_reported()
    {
        var json = Edit(document =>
        {
            document["tiers"]!["reserve"]!.AsObject().Remove("low");
            document["tiers"]!["gold"] = new JsonObject();
        });

        var error = Assert.Throws<SlaPolicyException>(() => SlaPolicyLoader.Parse(json));

        Assert.Contains("tiers.reserve.low: missing", error.Errors);
        Assert.Contains(error.Errors, message => message.StartsWith("tiers.gold: unknown tier", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("timeZone", "America/Gotham", "calendar.timeZone:")]
    [InlineData("holidays", "[\"2026-13-01\"]", "calendar.holidays[0]:")]
    [InlineData("workingDays", "[\"monday\", \"funday\"]", "calendar.workingDays[1]:")]
    [InlineData("workingHours", "{\"start\": \"17:00\", \"end\": \"08:00\"}", "calendar.workingHours.end:")]
    [InlineData("workingHours", "{\"start\": \"8am\", \"end\": \"17:00\"}", "calendar.workingHours.start:")]
    public void A_bad_calendar_is_reported_with_the_entry_it_is_in(string field, string value, string expected)
    {
        var json = Edit(document => document["calendar"]![field] = value.StartsWith('[') || value.StartsWith('{') ? JsonNode.Parse(value) : value);

        var error = Assert.Throws<SlaPolicyException>(() => SlaPolicyLoader.Parse(json));

        Assert.Contains(error.Errors, message => message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_is_reported_with_where_it_broke()
    {
        var error = Assert.Throws<SlaPolicyException>(() => SlaPolicyLoader.Parse("{\"tiers\": {\"vip\": [1, 2]}}"));

        Assert.StartsWith("$.tiers.vip", Assert.Single(error.Errors));
    }

    [Fact]
    public void Start_up_fails_on_a_bad_policy_file_naming_the_entry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sla-policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Edit(document => document["tiers"]!["vip"]!["high"]!["firstResponse"] = "-PT1H"));
        try
        {
            using var provider = Services(path);

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("tiers.vip.high.firstResponse: must be a positive duration", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Start_up_fails_when_the_policy_file_does_not_exist()
    {
        using var provider = Services("/no/such/sla-policy.json");

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("/no/such/sla-policy.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_served_is_the_one_read_at_start_up_not_a_second_read_of_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sla-policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ShippedPolicyJson);
        try
        {
            using var provider = Services(path);
            provider.GetRequiredService<IStartupValidator>().Validate();
            File.WriteAllText(path, Edit(document => document["tiers"]!["vip"]!["high"]!["firstResponse"] = "PT7H"));

            var policy = provider.GetRequiredService<SlaPolicy>();

            Assert.Equal(TimeSpan.FromHours(2), policy.TargetsFor(SlaTier.Vip, SlaPriority.High).FirstResponse);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_the_setting_the_shipped_policy_is_served()
    {
        using var provider = Services(policyFile: null);

        var clock = provider.GetRequiredService<SlaClock>();
        var created = Utc(2026, 11, 24, 15);
        var state = clock.Evaluate(new SlaTimeline(created, SlaTier.Essentials, SlaPriority.High), created);

        Assert.Equal(Utc(2026, 11, 24, 19), state.FirstResponseDueAt);
    }

    private static ServiceProvider Services(string? policyFile, DateTimeOffset? now = null)
    {
        var settings = new Dictionary<string, string?>();
        if (policyFile is not null)
        {
            settings["Sla:PolicyFile"] = policyFile;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? Utc(2026, 11, 20, 12)));
        services.AddSla();
        return services.BuildServiceProvider();
    }

    private static string Edit(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(ShippedPolicyJson)!;
        change(document);
        return document.ToJsonString();
    }
}
