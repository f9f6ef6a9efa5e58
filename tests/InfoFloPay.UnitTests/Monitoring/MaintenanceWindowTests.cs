using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.UnitTests.Monitoring;

public sealed class MaintenanceWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);

    private static MaintenanceWindow OneOff(params string[] targets) =>
        MaintenanceRules.Validate(new MaintenanceDraft("db-upgrade", targets, Start, Start.AddHours(2), "Database upgrade", null, null, null));

    private static MaintenanceWindow Nightly(string cron = "0 30 2 * * *", int minutes = 60, string zone = "America/New_York") =>
        MaintenanceRules.Validate(new MaintenanceDraft("nightly", ["*"], null, null, null, cron, minutes, zone));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2027, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_one_off_window_covers_its_targets_from_its_start_up_to_but_not_including_its_end()
    {
        var window = OneOff("checkout");

        Assert.False(window.Covers("checkout", Start.AddTicks(-1)));
        Assert.True(window.Covers("checkout", Start));
        Assert.True(window.Covers("checkout", Start.AddHours(2).AddTicks(-1)));
        Assert.False(window.Covers("checkout", Start.AddHours(2)));
        Assert.False(window.Covers("ledger-db", Start.AddMinutes(30)));
    }

    [Fact]
    public void A_star_covers_every_target()
    {
        var calendar = new MaintenanceCalendar([OneOff("*")]);

        Assert.True(calendar.Covers("checkout", Start.AddMinutes(1)));
        Assert.True(calendar.Covers("ledger-db", Start.AddMinutes(1)));
        Assert.False(MaintenanceCalendar.Empty.Covers("checkout", Start.AddMinutes(1)));
    }

    [Fact]
    public void A_recurring_window_lasts_its_duration_from_each_cron_occurrence_in_its_zone()
    {
        // 02:30 in New York on an ordinary winter night is 07:30 UTC.
        var window = Nightly();

        Assert.False(window.Covers("checkout", new DateTimeOffset(2026, 12, 8, 7, 29, 59, TimeSpan.Zero)));
        Assert.Equal(
            new MaintenanceOccurrence(new(2026, 12, 8, 7, 30, 0, TimeSpan.Zero), new(2026, 12, 8, 8, 30, 0, TimeSpan.Zero)),
            window.OccurrenceAt(new(2026, 12, 8, 8, 0, 0, TimeSpan.Zero)));
        Assert.False(window.Covers("checkout", new DateTimeOffset(2026, 12, 8, 8, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 7, 30, 0, TimeSpan.Zero), window.NextAfter(new(2026, 12, 8, 8, 0, 0, TimeSpan.Zero))!.Value.StartsAt);
    }

    [Fact]
    public void On_the_spring_forward_day_a_0230_window_starts_when_the_clocks_jump_to_0300_and_lasts_its_full_duration()
    {
        // 2027-03-14: New York skips 02:00-03:00 (EST to EDT at 07:00 UTC), so 02:30 never happens that night.
        var window = Nightly();

        var occurrences = window.Recurrence!.Between(Utc(3, 13, 0, 0), Utc(3, 16, 0, 0)).ToList();

        Assert.Equal(
            [
                new MaintenanceOccurrence(Utc(3, 13, 7, 30), Utc(3, 13, 8, 30)), // 02:30 EST
                new MaintenanceOccurrence(Utc(3, 14, 7, 0), Utc(3, 14, 8, 0)), // 03:00 EDT, the first instant after the gap
                new MaintenanceOccurrence(Utc(3, 15, 6, 30), Utc(3, 15, 7, 30)), // 02:30 EDT
            ],
            occurrences);
        Assert.False(window.Covers("checkout", Utc(3, 14, 6, 59)));
        Assert.True(window.Covers("checkout", Utc(3, 14, 7, 59)));
        Assert.False(window.Covers("checkout", Utc(3, 14, 8, 0)));
    }

    [Fact]
    public void On_the_fall_back_day_a_0230_window_starts_once_at_0230_standard_time()
    {
        // 2027-11-07: New York repeats 01:00-02:00 (EDT to EST at 06:00 UTC); 02:30 comes once, in standard time.
        var window = Nightly();

        var occurrences = window.Recurrence!.Between(Utc(11, 6, 0, 0), Utc(11, 9, 0, 0)).ToList();

        Assert.Equal(
            [
                new MaintenanceOccurrence(Utc(11, 6, 6, 30), Utc(11, 6, 7, 30)), // 02:30 EDT
                new MaintenanceOccurrence(Utc(11, 7, 7, 30), Utc(11, 7, 8, 30)), // 02:30 EST
                new MaintenanceOccurrence(Utc(11, 8, 7, 30), Utc(11, 8, 8, 30)),
            ],
            occurrences);
        Assert.False(window.Covers("checkout", Utc(11, 7, 6, 30)));
        Assert.True(window.Covers("checkout", Utc(11, 7, 7, 30)));
    }

    [Fact]
    public void On_the_fall_back_day_a_window_in_the_repeated_hour_starts_once_at_its_first_occurrence()
    {
        // 01:30 happens twice on 2027-11-07 (05:30 UTC in EDT, 06:30 UTC in EST); the window starts once, at the first.
        var window = Nightly("0 30 1 * * *", minutes: 30);

        var starts = window.Recurrence!.Between(Utc(11, 7, 0, 0), Utc(11, 7, 12, 0)).Select(o => o.StartsAt).ToList();

        Assert.Equal([Utc(11, 7, 5, 30)], starts);
        Assert.True(window.Covers("checkout", Utc(11, 7, 5, 45)));
        Assert.False(window.Covers("checkout", Utc(11, 7, 6, 45)));
    }

    [Fact]
    public void A_recurring_window_without_a_time_zone_runs_in_utc()
    {
        var window = MaintenanceRules.Validate(new MaintenanceDraft("weekly", ["checkout"], null, null, "Patch night", "0 0 2 * * Sun", 90, null));

        Assert.Equal("UTC", window.Recurrence!.Zone.Id);
        Assert.True(window.Covers("checkout", new DateTimeOffset(2026, 12, 6, 3, 29, 0, TimeSpan.Zero)));
        Assert.False(window.Covers("checkout", new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("endsAt", "2026-12-06T07:00:00Z", "2026-12-06T07:00:00Z", null, null, null)]
    [InlineData("endsAt", "2026-12-06T08:00:00Z", "2026-12-06T07:00:00Z", null, null, null)]
    [InlineData("startsAt", null, "2026-12-06T07:00:00Z", null, null, null)]
    [InlineData("endsAt", "2026-12-06T07:00:00Z", null, null, null, null)]
    [InlineData("timeZone", null, null, "0 30 2 * * *", 60, "Mars/Olympus_Mons")]
    [InlineData("timeZone", null, null, "0 30 2 * * *", 60, "Eastern Standard Time")]
    [InlineData("cron", null, null, "30 2 * * *", 60, "UTC")]
    [InlineData("cron", null, null, "every night", 60, "UTC")]
    [InlineData("cron", null, null, "0 61 2 * * *", 60, "UTC")]
    [InlineData("durationMinutes", null, null, "0 30 2 * * *", 0, "UTC")]
    [InlineData("durationMinutes", null, null, "0 30 2 * * *", 1441, "UTC")]
    [InlineData("durationMinutes", null, null, "0 30 2 * * *", null, "UTC")]
    [InlineData("startsAt", "2026-12-06T07:00:00Z", null, "0 30 2 * * *", 60, "UTC")]
    [InlineData("durationMinutes", "2026-12-06T07:00:00Z", "2026-12-06T08:00:00Z", null, 60, null)]
    public void A_bad_window_is_refused_naming_the_field(string field, string? startsAt, string? endsAt, string? cron, int? duration, string? zone)
    {
        var draft = new MaintenanceDraft(
            "db-upgrade", ["checkout"], startsAt is null ? null : DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture),
            endsAt is null ? null : DateTimeOffset.Parse(endsAt, System.Globalization.CultureInfo.InvariantCulture), null, cron, duration, zone);

        var refused = Assert.Throws<RequestRejectedException>(() => MaintenanceRules.Validate(draft));

        Assert.Contains(field, refused.Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Checkout")]
    [InlineData("checkout,bad/name")]
    public void Targets_must_be_target_names_or_a_star(string names)
    {
        var targets = names.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var refused = Assert.Throws<RequestRejectedException>(() =>
            MaintenanceRules.Validate(new MaintenanceDraft("db-upgrade", targets, Start, Start.AddHours(1), null, null, null, null)));

        Assert.Equal(["targets"], refused.Errors.Keys);
    }

    [Fact]
    public void Missing_targets_and_a_bad_id_are_both_named()
    {
        var refused = Assert.Throws<RequestRejectedException>(() =>
            MaintenanceRules.Validate(new MaintenanceDraft("DB Upgrade", null, Start, Start.AddHours(1), null, null, null, null)));

        Assert.Equal(["id", "targets"], refused.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
