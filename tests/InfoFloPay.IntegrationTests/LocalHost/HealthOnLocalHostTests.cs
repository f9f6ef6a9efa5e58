using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.LocalHost;

/// <summary>
/// /api/health checks Table Storage with one point read: healthy Azurite answers 200 listing the check; a store that
/// accepts and never answers, or a port that refuses, answers 503 problem+json with Retry-After naming storage, within
/// the health budget (the smaller of Storage__NetworkTimeout and 5 s, one try).
/// </summary>
public sealed class HealthOnLocalHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A sanity bound well above the 1 s budget the failing hosts run with, not a timing race.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Health_answers_200_without_a_principal_and_lists_the_storage_check()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var response = await host.Anonymous().GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("healthy", body!["status"]!.GetValue<string>());
        var check = Assert.Single(body["checks"]!.AsArray());
        Assert.Equal("storage", check!["name"]!.GetValue<string>());
        Assert.Equal("healthy", check["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_served_openapi_document_describes_health_503_with_retry_after()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var document = await host.Anonymous().GetFromJsonAsync<JsonObject>(new Uri("/api/openapi.json", UriKind.Relative));

        var responses = document!["paths"]!["/api/health"]!["get"]!["responses"]!.AsObject();
        Assert.True(responses.ContainsKey("200"));
        var unavailable = responses["503"]!.AsObject();
        Assert.True(unavailable["headers"]!.AsObject().ContainsKey("Retry-After"));
        Assert.True(unavailable["content"]!.AsObject().ContainsKey("application/problem+json"));
    }

    [Fact]
    public async Task Health_against_a_stalled_store_answers_503_naming_storage_within_the_budget()
    {
        using var stalled = new StalledTcpEndpoint();

        var (response, took) = await GetHealthAsync(stalled.Port);

        var problem = await AssertUnhealthyAsync(response, took);
        Assert.Contains("did not answer within 1 s", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(stalled.Accepted > 0, "the store was never contacted");
    }

    [Fact]
    public async Task Health_against_a_refused_port_answers_503_naming_storage()
    {
        var (response, took) = await GetHealthAsync(StalledTcpEndpoint.RefusedPort());

        var problem = await AssertUnhealthyAsync(response, took);
        Assert.Contains("unreachable", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, TimeSpan Took)> GetHealthAsync(int tablePort)
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{tablePort}/", StringComparison.Ordinal),
            ["Storage:NetworkTimeout"] = "00:00:01",
        });
        var elapsed = Stopwatch.StartNew();
        var response = await host.Anonymous().GetAsync(new Uri("/api/health", UriKind.Relative));
        return (response, elapsed.Elapsed);
    }

    private static async Task<JsonObject> AssertUnhealthyAsync(HttpResponseMessage response, TimeSpan took)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(took < Bound, $"health took {took}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Single(problem["errors"]!["storage"]!.AsArray());
        return problem;
    }
}
