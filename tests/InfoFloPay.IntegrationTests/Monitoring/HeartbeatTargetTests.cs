using Azure.Data.Tables;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Monitoring.Heartbeats;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// Heartbeat targets through their functions on Azurite and a fake clock: the secret URL shown once, beats keeping the
/// target up, missed beats counted in the probe run's slots (one incident), a beat ending the outage, and the refusals.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class HeartbeatTargetTests(AzuriteFixture azurite)
{
    private static readonly string Manager = PrincipalHeader.For("olivia.ops@infoflopay.example", "Support.Manager");
    private static readonly string Agent = PrincipalHeader.For("ava.agent@infoflopay.example", "Support.Agent");

    [Fact]
    public async Task Creating_a_heartbeat_answers_its_url_once_and_the_table_holds_only_the_hash()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);

        var created = await PutAsync(monitoring, "nightly-export", new { kind = "heartbeat", failureThreshold = 2, intervalSeconds = 300 });

        Assert.Equal(201, created.Status);
        Assert.False(created.Json.TryGetProperty("url", out _));
        Assert.Equal(30, created.Json.GetProperty("graceSeconds").GetInt32());
        var url = created.Json.GetProperty("heartbeatUrl").GetString()!;
        Assert.StartsWith("http://localhost:7071/api/monitoring/heartbeats/", url, StringComparison.Ordinal);
        var secret = SecretOf(url);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);

        // A replace keeps the secret and does not show it again; nor does any read.
        var replaced = await PutAsync(monitoring, "nightly-export", new { kind = "heartbeat", failureThreshold = 3, intervalSeconds = 300, graceSeconds = 60 });
        Assert.Equal(200, replaced.Status);
        Assert.False(replaced.Json.TryGetProperty("heartbeatUrl", out _));
        var read = await GetAsync(monitoring, "nightly-export");
        Assert.DoesNotContain(secret, read.Json.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("heartbeatUrl", read.Json.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);

        // Nothing stored holds the secret; the target's row holds its SHA-256 hash.
        var rows = await RowsAsync(monitoring);
        Assert.DoesNotContain(rows, row => row.Keys.Select(key => row[key]).OfType<string>().Any(v => v.Contains(secret, StringComparison.Ordinal)));
        var heartbeat = Assert.Single(rows, row => row.RowKey == HeartbeatStore.HeartbeatRow);
        Assert.Equal(HeartbeatSecret.Hash(secret), heartbeat.GetBinary("Hash"));
    }

    [Fact]
    public async Task Beats_keep_the_target_up_missed_beats_open_exactly_one_incident_and_the_next_beat_resolves_it()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var secret = SecretOf((await PutAsync(monitoring, "payout-batch", new { kind = "heartbeat", failureThreshold = 2 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);

        for (var minute = 0; minute < 5; minute++)
        {
            Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);
            await monitoring.ProbeAsync();
        }

        Assert.Empty(monitoring.Tickets.Calls);
        Assert.Equal("up", (await GetAsync(monitoring, "payout-batch")).Json.GetProperty("status").GetString());

        // The last beat covers one more minute (interval 60 s + grace 30 s); then each run without a beat is a miss.
        await monitoring.ProbeTimesAsync(2);
        Assert.Empty(monitoring.Tickets.Calls);
        await monitoring.ProbeAsync();
        var open = Assert.Single(monitoring.Tickets.Calls);
        Assert.Equal(("open", "payout-batch"), (open.Kind, open.Target));
        Assert.Contains("No heartbeat for", open.Text, StringComparison.Ordinal);
        await monitoring.ProbeTimesAsync(3);
        Assert.Single(monitoring.Tickets.Calls);
        var down = await GetAsync(monitoring, "payout-batch");
        Assert.Equal(("down", open.TicketId), (down.Json.GetProperty("status").GetString(), down.Json.GetProperty("openIncident").GetString()));

        // The next beat is a success: with recoveryThreshold 1 it resolves the incident at once.
        monitoring.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);

        var resolve = Assert.Single(monitoring.Tickets.Calls, call => call.Kind == "resolve");
        Assert.Equal(open.TicketId, resolve.TicketId);
        var state = await monitoring.StateOfAsync("payout-batch");
        Assert.False(state.InOutage);
        await monitoring.ProbeTimesAsync(1);
        Assert.Equal(2, monitoring.Tickets.Calls.Count);
        Assert.Equal("up", (await GetAsync(monitoring, "payout-batch")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_beat_in_a_slot_already_counted_as_missed_counts_for_the_next_and_recovery_needs_its_threshold()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var secret = SecretOf((await PutAsync(monitoring, "reconciler", new { kind = "heartbeat", failureThreshold = 1, recoveryThreshold = 2 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);
        await monitoring.ProbeTimesAsync(2);
        await monitoring.Runner.RunAsync(default);
        Assert.Single(monitoring.Tickets.Calls, call => call.Kind == "open");

        // The run at 14:02 counted the miss; a beat later in that minute is the evidence for 14:03.
        monitoring.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);
        var recovering = await monitoring.StateOfAsync("reconciler");
        Assert.Equal((1, MonitoringHarness.Start.AddMinutes(3)), (recovering.ConsecutiveSuccesses, recovering.LastCountedSlot));
        Assert.DoesNotContain(monitoring.Tickets.Calls, call => call.Kind == "resolve");

        monitoring.Clock.Advance(TimeSpan.FromSeconds(30));
        await monitoring.ProbeAsync();
        Assert.DoesNotContain(monitoring.Tickets.Calls, call => call.Kind == "resolve");
        await monitoring.ProbeAsync();

        Assert.Single(monitoring.Tickets.Calls, call => call.Kind == "resolve");
    }

    [Fact]
    public async Task An_unknown_or_malformed_secret_is_404_and_changes_nothing()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var secret = SecretOf((await PutAsync(monitoring, "ledger-close", new { kind = "heartbeat", failureThreshold = 1 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);
        var wrong = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        foreach (var guess in new[] { wrong, HeartbeatSecret.New().Secret, "not-a-secret", secret.ToUpperInvariant() + "x" })
        {
            var refused = await BeatAsync(monitoring, guess);
            Assert.Equal(404, refused.Status);
            Assert.Equal("application/problem+json", refused.MediaType);
        }

        Assert.Null((await monitoring.Service<HeartbeatStore>().FindAsync("ledger-close", default))!.LastBeatAt);
        Assert.Null((await monitoring.StateOfAsync("ledger-close")).LastResult);
    }

    [Fact]
    public async Task Delete_and_put_again_rotates_the_secret_and_the_old_url_stops_working()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var first = SecretOf((await PutAsync(monitoring, "settlement-job", new { kind = "heartbeat", failureThreshold = 1 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);

        var deleted = ApiCall.Request("DELETE", Manager);
        Assert.Equal(204, (await ApiCall.ResponseAsync(deleted, await monitoring.Function<DeleteMonitoringTargetFunction>().Run(deleted, "settlement-job", default))).Status);
        var second = SecretOf((await PutAsync(monitoring, "settlement-job", new { kind = "heartbeat", failureThreshold = 1 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);

        Assert.NotEqual(first, second);
        Assert.Equal(404, (await BeatAsync(monitoring, first)).Status);
        Assert.Equal(204, (await BeatAsync(monitoring, second)).Status);
        Assert.Single(await RowsAsync(monitoring), row => row.PartitionKey == HeartbeatStore.IndexPartition);
    }

    [Fact]
    public async Task A_target_that_stops_being_a_heartbeat_loses_its_url()
    {
        await using var monitoring = MonitoringHarness.Create(azurite);
        var secret = SecretOf((await PutAsync(monitoring, "export", new { kind = "heartbeat", failureThreshold = 1 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);

        Assert.Equal(200, (await PutAsync(monitoring, "export", new { kind = "http", url = "https://pay.example/health", failureThreshold = 1 })).Status);

        Assert.Equal(404, (await BeatAsync(monitoring, secret)).Status);
        Assert.DoesNotContain(await RowsAsync(monitoring), row => row.PartitionKey == HeartbeatStore.IndexPartition || row.RowKey == HeartbeatStore.HeartbeatRow);
    }

    [Fact]
    public async Task A_burst_of_beats_from_one_address_is_429_with_retry_after()
    {
        await using var monitoring = MonitoringHarness.Create(azurite, new Dictionary<string, string?> { ["RateLimits:Heartbeats"] = "3" });
        var secret = SecretOf((await PutAsync(monitoring, "burst", new { kind = "heartbeat", failureThreshold = 1 }))
            .Json.GetProperty("heartbeatUrl").GetString()!);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);
        }

        var refused = await BeatAsync(monitoring, secret);
        Assert.Equal(429, refused.Status);
        Assert.Equal("60", refused.Headers.RetryAfter.ToString());
        // Unknown secrets draw on the same permits: guessing is held to the limit too.
        Assert.Equal(429, (await BeatAsync(monitoring, HeartbeatSecret.New().Secret)).Status);

        monitoring.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(204, (await BeatAsync(monitoring, secret)).Status);
    }

    private static string SecretOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static async Task<ApiResponse> PutAsync(MonitoringHarness monitoring, string name, object body)
    {
        var request = ApiCall.Request("PUT", Manager, body);
        return await ApiCall.ResponseAsync(request, await monitoring.Function<PutMonitoringTargetFunction>().Run(request, name, default));
    }

    private static async Task<ApiResponse> GetAsync(MonitoringHarness monitoring, string name)
    {
        var request = ApiCall.Request("GET", Agent);
        return await ApiCall.ResponseAsync(request, await monitoring.Function<GetMonitoringTargetFunction>().Run(request, name, default));
    }

    private static async Task<ApiResponse> BeatAsync(MonitoringHarness monitoring, string secret)
    {
        var request = ApiCall.Request("POST", principal: null);
        return await ApiCall.ResponseAsync(request, await monitoring.Function<RecordHeartbeatFunction>().Run(request, secret, default));
    }

    private async Task<List<TableEntity>> RowsAsync(MonitoringHarness monitoring)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in monitoring.TableClient(azurite).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
