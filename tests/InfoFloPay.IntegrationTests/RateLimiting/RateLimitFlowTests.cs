using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Flows;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.RateLimiting;

/// <summary>Per-caller limits on the local host with the default settings (the other local-host tests switch them off).</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RateLimitFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private Infrastructure.LocalHost _host = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" });
        _desk = await Desk.OpenAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_create_flood_from_one_customer_gets_429s_with_retry_after_and_no_5xx_while_another_customer_is_unaffected()
    {
        var carol = _desk.Customer();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40; i++)
        {
            var response = await CreateAsync(carol, $"Flood {i}");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(30, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.DoesNotContain(statuses, status => (int)status >= 500);
        Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(429, problem!["status"]!.GetValue<int>());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        // Nothing past the limit was stored, and the refusal is per caller: a colleague still gets through.
        Assert.Equal(30, await CountAccountTicketsAsync());
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(_desk.Customer(_desk.Dave), "Not me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync(Desk.Relative("/api/tickets"))).StatusCode);

        _host.Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(carol, "After the window")).StatusCode);
    }

    [Fact]
    public async Task Staff_have_a_higher_write_limit_than_customers()
    {
        var id = await _desk.OpenTicketAsync();
        var agent = _host.Agent();

        for (var i = 0; i < 40; i++)
        {
            using var note = await agent.PostAsync(Desk.Relative($"/api/tickets/{id}/replies"), Desk.Json($$"""{"body":"Note {{i}}","internal":true}"""));
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }
    }

    [Fact]
    public async Task The_mail_pipeline_past_its_limit_gets_429_and_the_mail_is_not_taken_in()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Intake"] = "2",
        });
        var desk = await Desk.OpenAsync(host);

        var results = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            results.Add((await desk.MailAsync(Desk.Email(desk.Carol, $"Mail {i}", "Payouts missing."))).Status);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], results);
        var page = await host.Agent().GetFromJsonAsync<JsonObject>(Desk.Relative($"/api/tickets?status=all&customerId={desk.AccountId}&top=100"));
        Assert.Equal(2, page!["items"]!.AsArray().Count);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string subject) =>
        client.PostAsync(Desk.Relative("/api/tickets"), Desk.Json($$"""{"subject":"{{subject}}","description":"Payouts missing."}"""));

    private async Task<int> CountAccountTicketsAsync()
    {
        var page = await _host.Agent().GetFromJsonAsync<JsonObject>(Desk.Relative($"/api/tickets?status=all&customerId={_desk.AccountId}&top=100"));
        return page!["items"]!.AsArray().Count;
    }
}
