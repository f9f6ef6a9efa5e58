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
}
