using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
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

    [Fact]
    public async Task An_attachment_upload_against_a_stalled_blob_service_answers_503_within_the_budget_and_stores_nothing()
    {
        using var stalled = new StalledTcpEndpoint();
        // Tables stay on Azurite (the ticket exists, the attachment's rows would go there); only the blob endpoint stalls.
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString.Replace($":{azurite.BlobPort}/", $":{stalled.Port}/", StringComparison.Ordinal),
            ["Storage:NetworkTimeout"] = "00:00:01",
            ["Storage:BlobTransferTimeout"] = "00:00:01",
            ["Storage:MaxRetries"] = "1",
        });
        var agent = host.Agent();
        using var created = await agent.PostAsync(
            new Uri("/api/tickets", UriKind.Relative),
            new StringContent("""{"subject":"Statement missing","description":"See the attached screenshot"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        var file = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var elapsed = Stopwatch.StartNew();
        using var upload = await agent.PostAsync(new Uri(location + "/attachments", UriKind.Relative), new MultipartFormDataContent { { file, "file", "screenshot.png" } });
        var took = elapsed.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), upload.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.True(took < Bound, $"the upload took {took}");
        Assert.True(stalled.Accepted > 0, "the blob service was never contacted");
        using var list = await agent.GetAsync(new Uri(location + "/attachments", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("\"items\":[]", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
