using System.Diagnostics;
using System.Net;
using System.Text;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.TicketsApi;

/// <summary>
/// A store that accepts connections and never answers (a frozen process, a black-holed network): every call must give
/// up within the <c>Storage__*</c> budget and answer 503 + Retry-After, not hang for minutes and then 500.
/// </summary>
public sealed class StalledStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A sanity bound far above the configured budget (2 tries × 1 s + back-off), not a timing race.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Create_and_read_against_a_stalled_store_answer_503_with_retry_after_within_the_budget()
    {
        using var stalled = new StalledTcpEndpoint();
        // The host starts without touching storage (tables are created on first use), so it can point at the stalled
        // endpoint from the start; only the table endpoint is swapped, the account and key stay Azurite's.
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{stalled.Port}/", StringComparison.Ordinal),
            ["Storage:NetworkTimeout"] = "00:00:01",
            ["Storage:MaxRetries"] = "1",
        });

        var elapsed = Stopwatch.StartNew();
        using var create = await host.As("alice@acme.test").PostAsync(
            new Uri("/api/tickets", UriKind.Relative),
            new StringContent("""{"subject":"Checkout fails","description":"500 on pay"}""", Encoding.UTF8, "application/json"));
        var createTook = elapsed.Elapsed;
        elapsed.Restart();
        using var read = await host.Agent().GetAsync(new Uri("/api/tickets/IFP-1001", UriKind.Relative));
        var readTook = elapsed.Elapsed;

        foreach (var (response, took) in new[] { (create, createTook), (read, readTook) })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":503", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(took < Bound, $"{response.RequestMessage!.Method} took {took}");
        }

        Assert.True(stalled.Accepted > 0, "the store was never contacted");
    }
}
