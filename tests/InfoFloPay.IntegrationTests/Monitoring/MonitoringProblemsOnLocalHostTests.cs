using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>Through the local host, the monitoring routes refuse a caller exactly as the other routes of the API do.</summary>
public sealed class MonitoringProblemsOnLocalHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Monitoring_refuses_anonymous_customer_and_bad_input_with_the_problems_the_ticket_api_gives()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var customer = host.As("carol@customer.test");

        var (anonymousTarget, anonymousTicket) = (
            await ProblemAsync(host.Anonymous().GetAsync(Route("/api/monitoring/targets"))),
            await ProblemAsync(host.Anonymous().GetAsync(Route("/api/tickets"))));
        var (customerTarget, customerQueue) = (
            await ProblemAsync(customer.GetAsync(Route("/api/monitoring/targets/checkout"))),
            await ProblemAsync(customer.GetAsync(Route("/api/queue"))));
        var (badTarget, badTicket) = (
            await ProblemAsync(host.Manager().PutAsync(Route("/api/monitoring/targets/checkout"), Json("""{"kind":"ping","url":"https://pay.example/health","failureThreshold":9}"""))),
            await ProblemAsync(host.Manager().PostAsync(Route("/api/tickets"), Json("""{"subject":"","description":"x"}"""))));

        Assert.Equal((401, anonymousTicket.Type, anonymousTicket.Title), (anonymousTarget.Status, anonymousTarget.Type, anonymousTarget.Title));
        Assert.Equal((403, customerQueue.Type, customerQueue.Title), (customerTarget.Status, customerTarget.Type, customerTarget.Title));
        Assert.Equal((400, badTicket.Type, badTicket.Title), (badTarget.Status, badTarget.Type, badTarget.Title));
        Assert.Equal(["failureThreshold", "kind"], badTarget.Errors.Order(StringComparer.Ordinal));
        var list = await host.Agent().GetFromJsonAsync<JsonObject>(Route("/api/monitoring/targets"));
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_503_with_retry_after()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{ClosedPort()}/", StringComparison.Ordinal),
        });

        using var response = await host.Agent().GetAsync(Route("/api/monitoring/targets"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await ProblemAsync(Task.FromResult(response));
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", problem.Type);
    }

    private static Uri Route(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(int Status, string? Type, string? Title, IReadOnlyList<string> Errors)> ProblemAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        return ((int)response.StatusCode, problem["type"]?.GetValue<string>(), problem["title"]?.GetValue<string>(), errors);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
