using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary><c>GET /api/status</c> on the local host, called as nobody: public targets by name and state, nothing else.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class PublicStatusOnLocalHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Anonymous_callers_see_public_targets_by_name_and_state_and_nothing_internal()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, OwnTable());
        var manager = host.Manager();
        await PutAsync(manager, "checkout-public", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1, customerId = "contoso", @public = true });
        await PutAsync(manager, "ledger-internal", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1 });
        await ProbeAsync(host, TimeSpan.FromMinutes(1));

        var response = await host.Anonymous().GetAsync(new Uri("/api/status", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=5", response.Headers.CacheControl?.ToString());
        var status = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["incidents", "targets"], status.Select(p => p.Key).Order(StringComparer.Ordinal));
        var target = Assert.Single(status["targets"]!.AsArray())!.AsObject();
        Assert.Equal(["name", "since", "status"], target.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("checkout-public", "up"), (target["name"]!.GetValue<string>(), target["status"]!.GetValue<string>()));
        Assert.Empty(status["incidents"]!.AsArray());
        foreach (var secret in new[] { "ledger-internal", "127.0.0.1", "/health", "contoso", "failureThreshold", "ok" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        // The flag itself, as staff see it: kept when set, false when left out.
        var agent = host.Agent();
        var shown = await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/monitoring/targets/checkout-public", UriKind.Relative));
        var hidden = await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/monitoring/targets/ledger-internal", UriKind.Relative));
        Assert.True(shown!["target"]!["public"]!.GetValue<bool>());
        Assert.False(hidden!["target"]!["public"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_public_target_inside_a_maintenance_window_shows_under_maintenance()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, OwnTable(), configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton<IMaintenanceSchedule>(new WindowFor("payouts-public"))));
        var manager = host.Manager();
        await PutAsync(manager, "payouts-public", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1, @public = true });
        await PutAsync(manager, "refunds-public", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1, @public = true });
        await ProbeAsync(host, TimeSpan.FromMinutes(1));

        var status = await host.Anonymous().GetFromJsonAsync<JsonObject>(new Uri("/api/status", UriKind.Relative));

        Assert.Equal(
            [("payouts-public", "maintenance"), ("refunds-public", "up")],
            status!["targets"]!.AsArray().Select(t => (t!["name"]!.GetValue<string>(), t["status"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_flood_from_one_address_is_refused_with_429_while_another_address_still_gets_the_status()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>(OwnTable())
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:PublicReads"] = "5",
        });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 7; i++)
        {
            var response = await StatusFromAsync(host, "203.0.113.7");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await StatusFromAsync(host, "198.51.100.9")).StatusCode);
    }

    /// <summary>
    /// Issue 16's "Done when" on the local host: a public target probed every 10 s with threshold 3; its server stops
    /// answering well, and within 45 s of (fake) time there is exactly one urgent incident and the status page says
    /// down with that outage; once the server is healthy again the status says up and the incident is resolved.
    /// </summary>
    [Fact]
    public async Task A_server_going_down_is_one_urgent_incident_within_45_seconds_and_the_status_shows_down_then_up()
    {
        const string target = "gateway-public";
        var interval = TimeSpan.FromSeconds(10);
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, OwnTable());
        var agent = host.Agent();
        await PutAsync(host.Manager(), target, new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 3, intervalSeconds = 10, timeoutSeconds = 5, @public = true });
        await ProbeAsync(host, interval);
        Assert.Equal("up", (await PublicStatusAsync(host, target)).Status);

        server.AnswerWith(HealthPage.Failing);
        var wentDown = host.Clock.GetUtcNow();
        var elapsed = TimeSpan.Zero;
        while ((await LocalHostMonitoring.IncidentsAsync(agent, target)).Count == 0)
        {
            Assert.True(elapsed < TimeSpan.FromSeconds(45), $"No incident {elapsed.TotalSeconds} s after the server went down.");
            await ProbeAsync(host, interval);
            elapsed = host.Clock.GetUtcNow() - wentDown;
        }

        Assert.Equal(TimeSpan.FromSeconds(30), elapsed);
        var down = await PublicStatusAsync(host, target);
        Assert.Equal("down", down.Status);
        var outage = Assert.Single(down.Incidents);
        Assert.Equal($"{target} is unavailable", outage["title"]!.GetValue<string>());

        // Still failing: no second incident, one page.
        await ProbeAsync(host, interval);
        await ProbeAsync(host, interval);
        var incident = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target));
        Assert.Equal("urgent", incident["priority"]!.GetValue<string>());
        Assert.Single(host.Outbox.Entries, entry => entry.Channel == "pager" && entry.TicketId == incident["id"]!.GetValue<string>());

        server.AnswerWith(HealthPage.Healthy);
        await ProbeAsync(host, interval);

        var up = await PublicStatusAsync(host, target);
        Assert.Equal("up", up.Status);
        Assert.Empty(up.Incidents);
        var resolved = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{incident["id"]!.GetValue<string>()}", UriKind.Relative));
        Assert.Equal("resolved", resolved!["status"]!.GetValue<string>());
        Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target, status: "all"));
    }

    /// <summary>A monitoring table of the test's own: the status lists every public target stored, and this Azurite is shared.</summary>
    private static Dictionary<string, string?> OwnTable() => new() { ["Monitoring:TableName"] = "status" + Guid.NewGuid().ToString("N")[..16] };

    private static async Task<HttpResponseMessage> StatusFromAsync(Infrastructure.LocalHost host, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/status", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", address);
        return await host.Anonymous().SendAsync(request);
    }

    private static async Task PutAsync(HttpClient manager, string name, object body)
    {
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{name}", UriKind.Relative), body);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    /// <summary>The probe timer firing once, <paramref name="after"/> the last run, as the schedule would.</summary>
    private static async Task ProbeAsync(Infrastructure.LocalHost host, TimeSpan after)
    {
        host.Clock.Advance(after);
        var run = await host.Anonymous().PostAsJsonAsync(new Uri("/admin/functions/RunHealthProbes", UriKind.Relative), new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }

    private static async Task<(string Status, IReadOnlyList<JsonObject> Incidents)> PublicStatusAsync(Infrastructure.LocalHost host, string target)
    {
        var status = await host.Anonymous().GetFromJsonAsync<JsonObject>(new Uri("/api/status", UriKind.Relative));
        var row = status!["targets"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == target)!;
        return (row["status"]!.GetValue<string>(), [.. status["incidents"]!.AsArray().Select(i => i!.AsObject())]);
    }

    /// <summary>A maintenance window over one target, always.</summary>
    private sealed class WindowFor(string target) : IMaintenanceSchedule
    {
        public ValueTask<bool> CoversAsync(string targetName, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(targetName == target);
    }
}
