using System.Text.Json;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;
using Who = InfoFloPay.IntegrationTests.Monitoring.MonitoringTargetsApiTests.Who;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary><c>/api/monitoring/maintenance</c> on Azurite: who may do what, the one-off and recurring shapes, ETags, and
/// refusals that name the field and store nothing.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class MaintenanceWindowsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = MonitoringHarness.Start; // 2026-11-26 14:00 UTC, 09:00 in New York

    private static readonly object OneOff = new
    {
        targets = new[] { "checkout" },
        startsAt = "2026-11-26T15:00:00Z",
        endsAt = "2026-11-26T17:00:00Z",
        reason = "Database upgrade",
    };

    private MonitoringHarness _monitoring = null!;

    public Task InitializeAsync()
    {
        _monitoring = MonitoringHarness.Create(azurite);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _monitoring.DisposeAsync().AsTask();

    [Fact]
    public async Task A_manager_adds_a_one_off_window_and_staff_see_it_become_active_at_its_start()
    {
        var created = await PutAsync("db-upgrade", OneOff);

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/monitoring/maintenance/db-upgrade", created.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(created.Headers.ETag.ToString()));
        var before = Assert.Single(Items(await ListAsync(Who.Agent)));
        Assert.Equal("db-upgrade", before.GetProperty("id").GetString());
        Assert.Equal(["checkout"], before.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-11-26T15:00:00Z", before.GetProperty("startsAt").GetString());
        Assert.Equal("2026-11-26T17:00:00Z", before.GetProperty("endsAt").GetString());
        Assert.Equal("Database upgrade", before.GetProperty("reason").GetString());
        Assert.False(before.GetProperty("active").GetBoolean());
        Assert.Equal("2026-11-26T15:00:00Z", before.GetProperty("nextStartsAt").GetString());
        Assert.False(before.TryGetProperty("cron", out _));

        _monitoring.Clock.Advance(TimeSpan.FromHours(1));
        var during = Assert.Single(Items(await ListAsync(Who.Agent)));
        Assert.True(during.GetProperty("active").GetBoolean());
        Assert.False(during.TryGetProperty("nextStartsAt", out _));
    }

    [Fact]
    public async Task A_recurring_window_shows_its_next_occurrence_and_while_active_the_current_one()
    {
        // Nightly at 02:30 in New York (07:30 UTC in November) for 45 minutes.
        var created = await PutAsync("nightly-backup", new
        {
            targets = new[] { "*" },
            cron = "0 30 2 * * *",
            durationMinutes = 45,
            timeZone = "America/New_York",
            reason = "Backups",
        });
        Assert.Equal(201, created.Status);
        Assert.Equal("0 30 2 * * *", created.Json.GetProperty("cron").GetString());

        var next = Assert.Single(Items(await ListAsync(Who.Agent)));
        Assert.Equal(("2026-11-27T07:30:00Z", "2026-11-27T08:15:00Z"), (next.GetProperty("startsAt").GetString(), next.GetProperty("endsAt").GetString()));
        Assert.Equal((45, "America/New_York"), (next.GetProperty("durationMinutes").GetInt32(), next.GetProperty("timeZone").GetString()));
        Assert.False(next.GetProperty("active").GetBoolean());
        Assert.Equal("2026-11-27T07:30:00Z", next.GetProperty("nextStartsAt").GetString());

        _monitoring.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var current = Assert.Single(Items(await ListAsync(Who.Agent)));
        Assert.True(current.GetProperty("active").GetBoolean());
        Assert.Equal("2026-11-27T07:30:00Z", current.GetProperty("startsAt").GetString());
        Assert.Equal("2026-11-28T07:30:00Z", current.GetProperty("nextStartsAt").GetString());
    }

    [Fact]
    public async Task Putting_a_window_again_replaces_it_and_a_stale_if_match_is_412_and_changes_nothing()
    {
        var created = await PutAsync("db-upgrade", OneOff);
        var etag = created.Headers.ETag.ToString();

        var replaced = await PutAsync("db-upgrade", new { targets = new[] { "checkout", "ledger-db" }, startsAt = "2026-11-26T15:00:00Z", endsAt = "2026-11-26T18:00:00Z" }, ifMatch: etag);
        Assert.Equal(200, replaced.Status);
        Assert.NotEqual(etag, replaced.Headers.ETag.ToString());

        var stale = await PutAsync("db-upgrade", OneOff, ifMatch: etag);
        Assert.Equal((412, "application/problem+json"), (stale.Status, stale.MediaType));
        var stored = Assert.Single(Items(await ListAsync(Who.Agent)));
        Assert.Equal("2026-11-26T18:00:00Z", stored.GetProperty("endsAt").GetString());
        Assert.Equal(2, stored.GetProperty("targets").GetArrayLength());
        Assert.False(stored.TryGetProperty("reason", out _));

        var unconditional = await PutAsync("db-upgrade", OneOff);
        Assert.Equal(200, unconditional.Status);
    }

    [Fact]
    public async Task One_window_reads_with_the_etag_its_put_answered_and_an_unknown_one_is_404()
    {
        var created = await PutAsync("db-upgrade", OneOff);

        var read = await GetAsync("db-upgrade");

        Assert.Equal(200, read.Status);
        Assert.Equal(created.Headers.ETag.ToString(), read.Headers.ETag.ToString());
        Assert.Equal("Database upgrade", read.Json.GetProperty("reason").GetString());
        Assert.Equal(404, (await GetAsync("no-such-window")).Status);
        Assert.Equal(403, (await GetAsync("db-upgrade", Who.Customer)).Status);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"targets":["checkout"],"startsAt":"2026-11-26T15:00:00Z","endsAt":"2026-11-26T15:00:00Z"}""", "endsAt" },
        { """{"targets":["checkout"],"startsAt":"2026-11-26T15:00:00Z"}""", "endsAt" },
        { """{"targets":[],"startsAt":"2026-11-26T15:00:00Z","endsAt":"2026-11-26T16:00:00Z"}""", "targets" },
        { """{"startsAt":"2026-11-26T15:00:00Z","endsAt":"2026-11-26T16:00:00Z"}""", "targets" },
        { """{"targets":["*"],"cron":"0 30 2 * * *","durationMinutes":60,"timeZone":"Atlantis/Lost_City"}""", "timeZone" },
        { """{"targets":["*"],"cron":"30 2 * * *","durationMinutes":60,"timeZone":"UTC"}""", "cron" },
        { """{"targets":["*"],"cron":"0 30 2 * * *","durationMinutes":0,"timeZone":"UTC"}""", "durationMinutes" },
        { """{"targets":["*"],"cron":"0 30 2 * * *","durationMinutes":1441,"timeZone":"UTC"}""", "durationMinutes" },
        { """{"targets":["*"],"cron":"0 30 2 * * *","durationMinutes":60,"startsAt":"2026-11-26T15:00:00Z"}""", "startsAt" },
        { """{"targets":["checkout"],"startsAt":"2026-11-26T15:00:00Z","endsAt":"2026-11-26T16:00:00Z","window":"db"}""", "window" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_window_is_400_problem_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var response = await PutAsync("db-upgrade", body: null, rawBody: body);

        Assert.Equal((400, "application/problem+json"), (response.Status, response.MediaType));
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Json.ToString());
        Assert.Empty(Items(await ListAsync(Who.Manager)));
    }

    [Fact]
    public async Task An_id_that_cannot_be_a_key_is_refused()
    {
        var response = await PutAsync("DB Upgrade", OneOff);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("id", out _));
        Assert.Empty(Items(await ListAsync(Who.Manager)));
    }

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 403)]
    public async Task Only_a_manager_adds_a_window(Who who, int expected)
    {
        Assert.Equal(expected, (await PutAsync("db-upgrade", OneOff, who)).Status);
        Assert.Empty(Items(await ListAsync(Who.Manager)));
    }

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 200)]
    public async Task Staff_read_the_windows(Who who, int expected) => Assert.Equal(expected, (await ListAsync(who)).Status);

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 403)]
    [InlineData(Who.Manager, 204)]
    public async Task Only_a_manager_removes_a_window_and_removing_it_again_is_404(Who who, int expected)
    {
        await PutAsync("db-upgrade", OneOff);

        Assert.Equal(expected, (await DeleteAsync("db-upgrade", who)).Status);
        Assert.Equal(expected == 204 ? 0 : 1, Items(await ListAsync(Who.Manager)).Count);
        if (expected == 204)
        {
            Assert.Equal(404, (await DeleteAsync("db-upgrade", who)).Status);
        }
    }

    [Fact]
    public async Task Inside_a_window_the_target_list_and_state_say_maintenance_and_outside_it_they_do_not()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await _monitoring.AddTargetAsync("checkout", "http", server.Url(HealthPage.Path));
        await _monitoring.AddTargetAsync("ledger-db", "http", server.Url(HealthPage.Path));
        await _monitoring.ProbeAsync();
        await PutAsync("db-upgrade", new { targets = new[] { "checkout" }, startsAt = Now, endsAt = Now.AddHours(1) });

        Assert.Equal(("maintenance", "up"), await StatusesAsync());
        Assert.Equal("maintenance", (await GetTargetAsync("checkout")).Json.GetProperty("status").GetString());

        _monitoring.Clock.SetUtcNow(Now.AddHours(1));
        Assert.Equal(("up", "up"), await StatusesAsync());
        Assert.Equal("up", (await GetTargetAsync("checkout")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Windows_live_in_their_own_partition_next_to_the_targets()
    {
        await _monitoring.AddTargetAsync("checkout", "http", "https://pay.example/health");
        await PutAsync("db-upgrade", OneOff);
        await PutAsync("nightly", new { targets = new[] { "*" }, cron = "0 0 3 * * Sun", durationMinutes = 30 });

        Assert.Equal(["checkout"], (await _monitoring.Targets.ListAsync(default)).Select(t => t.Name));
        var rows = _monitoring.TableClient(azurite).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == MonitoringTable.MaintenancePartition);
        var keys = new List<string>();
        await foreach (var row in rows)
        {
            keys.Add(row.RowKey);
        }

        Assert.Equal(["db-upgrade", "nightly"], keys);
        var stored = await _monitoring.Service<MaintenanceWindowStore>().ListAsync(default);
        var nightly = Assert.Single(stored, w => w.Window.Id == "nightly").Window;
        Assert.Equal(("0 0 3 * * Sun", 30, "UTC"), (nightly.Recurrence!.Cron, nightly.Recurrence.DurationMinutes, nightly.Recurrence.Zone.Id));
    }

    private static List<JsonElement> Items(ApiResponse response) => [.. response.Json.GetProperty("items").EnumerateArray()];

    private static string? Principal(Who who) => MonitoringTargetsApiTests.Principal(who);

    private async Task<(string?, string?)> StatusesAsync()
    {
        var request = ApiCall.Request("GET", Principal(Who.Agent));
        var list = await ApiCall.ResponseAsync(request, await _monitoring.Function<ListMonitoringTargetsFunction>().Run(request, default));
        var items = Items(list).ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("status").GetString());
        return (items["checkout"], items["ledger-db"]);
    }

    private async Task<ApiResponse> GetTargetAsync(string name)
    {
        var request = ApiCall.Request("GET", Principal(Who.Agent));
        return await ApiCall.ResponseAsync(request, await _monitoring.Function<GetMonitoringTargetFunction>().Run(request, name, default));
    }

    private async Task<ApiResponse> PutAsync(string id, object? body, Who who = Who.Manager, string? rawBody = null, string? ifMatch = null)
    {
        var request = ApiCall.Request("PUT", Principal(who), body, rawBody);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return await ApiCall.ResponseAsync(request, await _monitoring.Function<PutMaintenanceWindowFunction>().Run(request, id, default));
    }

    private async Task<ApiResponse> GetAsync(string id, Who who = Who.Agent)
    {
        var request = ApiCall.Request("GET", Principal(who));
        return await ApiCall.ResponseAsync(request, await _monitoring.Function<GetMaintenanceWindowFunction>().Run(request, id, default));
    }

    private async Task<ApiResponse> ListAsync(Who who)
    {
        var request = ApiCall.Request("GET", Principal(who));
        return await ApiCall.ResponseAsync(request, await _monitoring.Function<ListMaintenanceWindowsFunction>().Run(request, default));
    }

    private async Task<ApiResponse> DeleteAsync(string id, Who who)
    {
        var request = ApiCall.Request("DELETE", Principal(who));
        return await ApiCall.ResponseAsync(request, await _monitoring.Function<DeleteMaintenanceWindowFunction>().Run(request, id, default));
    }
}
