using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>Issue 16's acceptance on the local host: a window set through the API keeps a failing target from paging
/// anyone, and the outage that outlives it is one paged urgent incident after the end.</summary>
public sealed class MaintenanceOnLocalHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_failing_target_in_a_window_pages_nobody_and_pages_once_when_it_still_fails_after_the_window()
    {
        const string target = "settlement-api";
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var manager = host.Manager();
        var agent = host.Agent();
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative),
            new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 2, timeoutSeconds = 5 });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var now = host.Clock.GetUtcNow();
        var window = await manager.PutAsJsonAsync(new Uri("/api/monitoring/maintenance/settlement-upgrade", UriKind.Relative),
            new { targets = new[] { target }, startsAt = now, endsAt = now.AddMinutes(5).AddSeconds(30), reason = "Settlement upgrade" });
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);
        Assert.NotNull(window.Headers.ETag);

        for (var minute = 1; minute <= 5; minute++)
        {
            await ProbeAsync(host);
        }

        Assert.Empty(await MonitoringTicketsAsync(agent, target));
        Assert.DoesNotContain(host.Outbox.Entries, entry => entry.Channel == "pager");
        var listed = await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/monitoring/targets", UriKind.Relative));
        var row = Assert.Single(listed!["items"]!.AsArray(), item => item!["name"]!.GetValue<string>() == target)!;
        Assert.Equal(("maintenance", 5), (row["status"]!.GetValue<string>(), row["consecutiveFailures"]!.GetValue<int>()));
        var windows = await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/monitoring/maintenance", UriKind.Relative));
        Assert.True(Assert.Single(windows!["items"]!.AsArray())!["active"]!.GetValue<bool>());

        await ProbeAsync(host);
        await ProbeAsync(host);

        var incident = Assert.Single(await MonitoringTicketsAsync(agent, target));
        Assert.Equal("urgent", incident["priority"]!.GetValue<string>());
        var page = Assert.Single(host.Outbox.Entries, entry => entry.Channel == "pager");
        Assert.Equal(incident["id"]!.GetValue<string>(), page.TicketId);
    }

    private static Task ProbeAsync(Infrastructure.LocalHost host) => LocalHostMonitoring.ProbeAsync(host);

    private static Task<List<JsonObject>> MonitoringTicketsAsync(HttpClient staff, string target) =>
        LocalHostMonitoring.IncidentsAsync(staff, target);
}
