using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// A heartbeat target on the local host: the beat route answers with no sign-in, missed beats open one urgent incident
/// and the next beat resolves it.
/// </summary>
public sealed class HeartbeatOnLocalHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Beats_post_without_sign_in_and_missed_beats_open_one_incident_that_the_next_beat_resolves()
    {
        const string target = "nightly-settlement";
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var agent = host.Agent();
        var put = await host.Manager().PutAsJsonAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative),
            new { kind = "heartbeat", failureThreshold = 2, graceSeconds = 0 });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var beatPath = new Uri((await put.Content.ReadFromJsonAsync<JsonObject>())!["heartbeatUrl"]!.GetValue<string>()).AbsolutePath;
        var anonymous = host.Anonymous();

        using var beat = await anonymous.PostAsync(new Uri(beatPath, UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        Assert.Equal("no-store", beat.Headers.CacheControl?.ToString());
        using var wrong = await anonymous.PostAsync(new Uri(beatPath[..^2] + "xx", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        // The beat covers the next minute (interval 60 s, no grace); the two runs after it find none: the threshold.
        await LocalHostMonitoring.ProbeAsync(host);
        Assert.Empty(await LocalHostMonitoring.IncidentsAsync(agent, target));
        await LocalHostMonitoring.ProbeAsync(host);
        Assert.Empty(await LocalHostMonitoring.IncidentsAsync(agent, target));
        await LocalHostMonitoring.ProbeAsync(host);
        await LocalHostMonitoring.ProbeAsync(host);
        var incident = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target));
        Assert.Equal("urgent", incident["priority"]!.GetValue<string>());

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        using var next = await anonymous.PostAsync(new Uri(beatPath, UriKind.Relative), new StringContent("export finished: 1204 rows"));
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);

        var ticket = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{incident["id"]!.GetValue<string>()}", UriKind.Relative));
        Assert.Equal("resolved", ticket!["status"]!.GetValue<string>());
        var state = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative));
        Assert.Equal("up", state!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rotated_heartbeat_url_replaces_the_old_one_at_once_and_the_target_keeps_its_state_and_incident()
    {
        const string target = "ledger-export";
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var manager = host.Manager();
        var agent = host.Agent();
        var anonymous = host.Anonymous();
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative),
            new { kind = "heartbeat", failureThreshold = 1, graceSeconds = 0 });
        var oldPath = new Uri((await put.Content.ReadFromJsonAsync<JsonObject>())!["heartbeatUrl"]!.GetValue<string>()).AbsolutePath;

        // The job stops beating: one incident.
        await LocalHostMonitoring.ProbeAsync(host);
        await LocalHostMonitoring.ProbeAsync(host);
        var incident = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target));

        using var rotated = await manager.PostAsync(new Uri($"/api/monitoring/targets/{target}/heartbeat-url", UriKind.Relative), content: null);
        var body = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newPath = new Uri(body["heartbeatUrl"]!.GetValue<string>()).AbsolutePath;
        Assert.NotEqual(oldPath, newPath);
        Assert.Equal(("ledger-export", "heartbeat", 1), (body["name"]!.GetValue<string>(), body["kind"]!.GetValue<string>(), body["failureThreshold"]!.GetValue<int>()));

        // The old URL is dead at once; the rotation itself was no sign of life, so the incident stands.
        using var old = await anonymous.PostAsync(new Uri(oldPath, UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        var down = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative));
        Assert.Equal("down", down!["status"]!.GetValue<string>());

        // The job on the new URL: the same incident resolves, and the URL is never shown again.
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        using var beat = await anonymous.PostAsync(new Uri(newPath, UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        var ticket = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{incident["id"]!.GetValue<string>()}", UriKind.Relative));
        Assert.Equal("resolved", ticket!["status"]!.GetValue<string>());
        var shown = await manager.GetStringAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative));
        Assert.DoesNotContain(newPath.Split('/')[^1], shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_is_for_managers_and_heartbeat_targets_only()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var manager = host.Manager();
        using var http = await manager.PutAsJsonAsync(new Uri("/api/monitoring/targets/checkout", UriKind.Relative),
            new { kind = "http", url = "https://pay.example/health", failureThreshold = 2 });
        Assert.Equal(HttpStatusCode.Created, http.StatusCode);
        using var beats = await manager.PutAsJsonAsync(new Uri("/api/monitoring/targets/nightly", UriKind.Relative), new { kind = "heartbeat", failureThreshold = 2 });

        using var notHeartbeat = await manager.PostAsync(new Uri("/api/monitoring/targets/checkout/heartbeat-url", UriKind.Relative), content: null);
        using var missing = await manager.PostAsync(new Uri("/api/monitoring/targets/nowhere/heartbeat-url", UriKind.Relative), content: null);
        using var byAgent = await host.Agent().PostAsync(new Uri("/api/monitoring/targets/nightly/heartbeat-url", UriKind.Relative), content: null);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (notHeartbeat.StatusCode, missing.StatusCode, byAgent.StatusCode));
        Assert.Contains("is a http target: only a heartbeat target has a heartbeat URL", await notHeartbeat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(new[] { notHeartbeat, missing, byAgent }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
    }
}
