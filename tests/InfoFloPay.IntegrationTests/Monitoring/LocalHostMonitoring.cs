using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>What the monitoring tests on the local host do over and over: a scheduled probe run, and the incidents of one target.</summary>
internal static class LocalHostMonitoring
{
    /// <summary>One probe run per scheduled minute, as the timer would run them: the clock moves a minute, then the run.</summary>
    public static async Task ProbeAsync(Infrastructure.LocalHost host)
    {
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var run = await host.Anonymous().PostAsJsonAsync(new Uri("/admin/functions/RunHealthProbes", UriKind.Relative), new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
    }

    /// <summary>The monitoring tickets of <paramref name="target"/> (their subject starts with its name) in the list of <paramref name="status"/>.</summary>
    public static async Task<List<JsonObject>> IncidentsAsync(HttpClient staff, string target, string status = "open")
    {
        var page = await staff.GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets?status={status}&top=100", UriKind.Relative));
        return [.. page!["items"]!.AsArray().Select(item => item!.AsObject())
            .Where(item => item["channel"]!.GetValue<string>() == "monitoring" && item["subject"]!.GetValue<string>().StartsWith(target + " ", StringComparison.Ordinal))];
    }
}
