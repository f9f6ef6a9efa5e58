using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>Issue 6's acceptance: against a real local server, an outage is one urgent incident, paged, then resolved.</summary>
public sealed class MonitoringOnLocalHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_stopped_server_yields_one_paged_urgent_incident_after_N_probes_and_recovery_resolves_it(int threshold)
    {
        var target = $"payments-api-{threshold}";
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var manager = host.Manager();
        var agent = host.Agent();
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative),
            new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = threshold, timeoutSeconds = 5 });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        await LocalHostMonitoring.ProbeAsync(host);
        server.AnswerWith(HealthPage.Failing);
        for (var probe = 1; probe < threshold; probe++)
        {
            await LocalHostMonitoring.ProbeAsync(host);
        }

        Assert.Empty(await LocalHostMonitoring.IncidentsAsync(agent, target));
        Assert.DoesNotContain(host.Outbox.Entries, entry => entry.Channel == "pager");

        // Reaching the threshold opens the incident; one more failing probe must not open another.

        await LocalHostMonitoring.ProbeAsync(host);
        await LocalHostMonitoring.ProbeAsync(host);

        var incident = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target));
        var incidentId = incident["id"]!.GetValue<string>();
        Assert.Equal("urgent", incident["priority"]!.GetValue<string>());
        var page = Assert.Single(host.Outbox.Entries, entry => entry.Channel == "pager");
        Assert.Equal(incidentId, page.TicketId);
        Assert.Equal(["olivia.pager@infoflopay.example"], page.To);
        Assert.Contains(host.Outbox.Entries, entry => entry.Channel == "email" && entry.To.Contains("ben.agent@infoflopay.example"));
        var state = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative));
        Assert.Equal(incidentId, state!["openIncident"]!.GetValue<string>());

        server.AnswerWith(HealthPage.Healthy);
        await LocalHostMonitoring.ProbeAsync(host);

        var resolved = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{incidentId}", UriKind.Relative));
        Assert.Equal("resolved", resolved!["status"]!.GetValue<string>());
        Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target, status: "all"));
        Assert.Single(host.Outbox.Entries, entry => entry.Channel == "pager");
    }

    [Fact]
    public async Task A_relapse_after_the_incident_was_closed_opens_a_new_urgent_incident_and_pages_again()
    {
        const string target = "payouts-api";
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Failing);
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var manager = host.Manager();
        var agent = host.Agent();
        var put = await manager.PutAsJsonAsync(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative),
            new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1, timeoutSeconds = 5 });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        await LocalHostMonitoring.ProbeAsync(host);
        var first = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target))["id"]!.GetValue<string>();
        server.AnswerWith(HealthPage.Healthy);
        await LocalHostMonitoring.ProbeAsync(host);
        var closed = await agent.PostAsJsonAsync(new Uri($"/api/tickets/{first}/status", UriKind.Relative), new { status = "closed" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());

        // Within the reopen window: the closed incident cannot be reopened, so the outage gets a new one.
        server.AnswerWith(HealthPage.Failing);
        await LocalHostMonitoring.ProbeAsync(host);

        var second = Assert.Single(await LocalHostMonitoring.IncidentsAsync(agent, target));
        var secondId = second["id"]!.GetValue<string>();
        Assert.NotEqual(first, secondId);
        Assert.Equal("urgent", second["priority"]!.GetValue<string>());
        var pages = host.Outbox.Entries.Where(entry => entry.Channel == "pager").Select(entry => entry.TicketId).Order(StringComparer.Ordinal);
        Assert.Equal([first, secondId], pages);
        var state = await agent.GetFromJsonAsync<JsonObject>(new Uri($"/api/monitoring/targets/{target}", UriKind.Relative));
        Assert.Equal(secondId, state!["openIncident"]!.GetValue<string>());
    }
}
