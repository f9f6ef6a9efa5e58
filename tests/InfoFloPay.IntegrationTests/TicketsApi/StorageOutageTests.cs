using System.Net;
using System.Net.Sockets;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.TicketsApi;

public sealed class StorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Storage_that_does_not_answer_is_503_with_retry_after()
    {
        var closedPort = ClosedPort();
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{closedPort}/", StringComparison.Ordinal),
        });

        using var response = await host.Agent().GetAsync(new Uri("/api/tickets/IFP-1001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
