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
        var policy = Loader().Parse(ShippedPolicyJson);

        Assert.Equal(
            new SlaTargets(TimeSpan.FromHours(24), TimeSpan.FromHours(48), SlaCalendarKind.Business, TimeSpan.FromHours(4)),
            policy.TargetsFor(SlaTier.Essentials, SlaPriority.Medium));
        Assert.Equal("America/New_York", policy.BusinessCalendar.TimeZone.Id);
        Assert.Equal(new TimeOnly(8, 0), policy.BusinessCalendar.Hours.Start);
        Assert.Equal(new TimeOnly(17, 0), policy.BusinessCalendar.Hours.End);
    }

    [Fact]
    public void Federal_holidays_are_added_for_the_current_and_the_next_year()
    {
        var loader = new SlaPolicyLoader(new FakeTimeProvider(Utc(2027, 6, 1, 12)));

        var holidays = loader.Parse(ShippedPolicyJson).BusinessCalendar.Holidays;

        Assert.Contains(new DateOnly(2027, 11, 25), holidays);
        Assert.Contains(new DateOnly(2028, 11, 23), holidays);
        Assert.DoesNotContain(new DateOnly(2026, 11, 26), holidays);
    }

    [Fact]
    public void Explicit_holidays_replace_the_federal_ones_when_those_are_turned_off()
    {
        var json = Edit(document =>
        {
            document["calendar"]!["usFederalHolidays"] = false;
            document["calendar"]!["holidays"] = new JsonArray("2026-12-24", "2026-12-31");
        });

        var holidays = Loader().Parse(json).BusinessCalendar.Holidays;

        Assert.Equal([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)], holidays.Order());
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

        var error = Assert.Throws<SlaPolicyException>(() => Loader().Parse(json));

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

        var error = Assert.Throws<SlaPolicyException>(() => Loader().Parse(json));

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

        var error = Assert.Throws<SlaPolicyException>(() => Loader().Parse(json));

        Assert.Contains(error.Errors, message => message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_is_reported_with_where_it_broke()
    {
        var error = Assert.Throws<SlaPolicyException>(() => Loader().Parse("{\"tiers\": {\"vip\": [1, 2]}}"));

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

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlaOptions>>().Value);

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

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlaOptions>>().Value);

        Assert.Contains("/no/such/sla-policy.json", error.Message, StringComparison.Ordinal);
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

    private static ServiceProvider Services(string? policyFile)
    {
        var settings = new Dictionary<string, string?>();
        if (policyFile is not null)
        {
            settings["Sla:PolicyFile"] = policyFile;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Utc(2026, 11, 20, 12)));
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
