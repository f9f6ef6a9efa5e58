using System.Text.Json;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class MonitoringTargetsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Manager = "Support.Manager";
    private const string Agent = "Support.Agent";

    private MonitoringHarness _monitoring = null!;

    private MonitoringTargetsApi Api => _monitoring.Function<MonitoringTargetsApi>();

    public Task InitializeAsync()
    {
        _monitoring = MonitoringHarness.Create(azurite);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _monitoring.DisposeAsync().AsTask();

    private async Task<ApiResponse> PutAsync(string name, object? body, string? role = Manager, string? rawBody = null)
    {
        var request = ApiCall.Request("PUT", role, body, rawBody);
        return await ApiCall.ResponseAsync(request, await Api.Put(request, name, default));
    }

    private async Task<ApiResponse> GetAsync(string name, string? role = Agent, string? query = null)
    {
        var request = ApiCall.Request("GET", role, query: query);
        return await ApiCall.ResponseAsync(request, await Api.Get(request, name, default));
    }

    private async Task<ApiResponse> ListAsync(string? role = Agent)
    {
        var request = ApiCall.Request("GET", role);
        return await ApiCall.ResponseAsync(request, await Api.List(request, default));
    }

    private async Task<ApiResponse> DeleteAsync(string name, string? role = Manager)
    {
        var request = ApiCall.Request("DELETE", role);
        return await ApiCall.ResponseAsync(request, await Api.Delete(request, name, default));
    }

    [Fact]
    public async Task A_manager_adds_a_target_and_staff_see_it_with_its_defaults()
    {
        var created = await PutAsync("checkout", new { url = "https://pay.example/health", kind = "http", failureThreshold = 3, customerId = "acme" });

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/monitoring/targets/checkout", created.Headers.Location.ToString());
        var list = await ListAsync();
        Assert.Equal(200, list.Status);
        var target = Assert.Single(list.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("checkout", target.GetProperty("name").GetString());
        Assert.Equal("http", target.GetProperty("kind").GetString());
        Assert.Equal(200, target.GetProperty("expectedStatus").GetInt32());
        Assert.Equal(10, target.GetProperty("timeoutSeconds").GetInt32());
        Assert.Equal(3, target.GetProperty("failureThreshold").GetInt32());
        Assert.Equal("acme", target.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Putting_a_target_again_changes_it()
    {
        await PutAsync("ledger-db", new { url = "db.internal:5432", kind = "tcp", failureThreshold = 2 });

        var changed = await PutAsync("ledger-db", new { url = "db.internal:6432", kind = "tcp", failureThreshold = 4, timeoutSeconds = 3 });

        Assert.Equal(200, changed.Status);
        var stored = await _monitoring.Targets.FindAsync("ledger-db", default);
        Assert.Equal(("db.internal:6432", 4, 3), (stored!.Url, stored.FailureThreshold, stored.TimeoutSeconds));
    }

    [Theory]
    [InlineData(0, "failureThreshold")]
    [InlineData(6, "failureThreshold")]
    public async Task A_threshold_outside_one_to_five_is_refused_and_nothing_is_stored(int threshold, string field)
    {
        var response = await PutAsync("checkout", new { url = "https://pay.example/health", kind = "http", failureThreshold = threshold });

        AssertValidationProblem(response, field);
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_the_problem()
    {
        var response = await PutAsync("checkout", new { url = "not a url", kind = "ping", timeoutSeconds = 90, failureThreshold = 2 });

        AssertValidationProblem(response, "kind", "timeoutSeconds");
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        var response = await PutAsync("checkout", null, rawBody: """{"url":"https://pay.example/health","kind":"http","failureThreshold":"three"}""");

        AssertValidationProblem(response, "failureThreshold");
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_too_large_is_refused_like_anywhere_else_in_the_api()
    {
        var form = ApiCall.Request("PUT", Manager, rawBody: "url=https://pay.example/health");
        form.ContentType = "application/x-www-form-urlencoded";
        var huge = ApiCall.Request("PUT", Manager, rawBody: $$"""{"url":"https://pay.example/health","kind":"http","failureThreshold":2,"bodyContains":"{{new string('x', 70_000)}}"}""");

        var notJson = await ApiCall.ResponseAsync(form, await Api.Put(form, "checkout", default));
        var tooLarge = await ApiCall.ResponseAsync(huge, await Api.Put(huge, "checkout", default));

        Assert.Equal((415, "application/problem+json"), (notJson.Status, notJson.MediaType));
        Assert.Equal((413, "application/problem+json"), (tooLarge.Status, tooLarge.MediaType));
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_name_that_cannot_be_a_key_is_refused()
    {
        var response = await PutAsync("Check Out", new { url = "https://pay.example/health", kind = "http", failureThreshold = 2 });

        AssertValidationProblem(response, "name");
    }

    [Fact]
    public async Task Only_a_manager_changes_targets()
    {
        var body = new { url = "https://pay.example/health", kind = "http", failureThreshold = 2 };

        Assert.Equal(401, (await PutAsync("checkout", body, role: null)).Status);
        var asAgent = await PutAsync("checkout", body, role: Agent);
        Assert.Equal(403, asAgent.Status);
        Assert.Equal("application/problem+json", asAgent.MediaType);
        Assert.Empty(await _monitoring.Targets.ListAsync(default));

        await PutAsync("checkout", body);
        Assert.Equal(403, (await DeleteAsync("checkout", role: Agent)).Status);
        Assert.NotNull(await _monitoring.Targets.FindAsync("checkout", default));
    }

    [Fact]
    public async Task Customers_do_not_see_monitoring()
    {
        Assert.Equal(403, (await ListAsync(role: "Customer.User")).Status);
        Assert.Equal(401, (await ListAsync(role: null)).Status);
    }

    [Fact]
    public async Task The_state_view_shows_failures_the_open_incident_and_recent_history()
    {
        await using var server = await ControllableHttpServer.StartAsync();
        await PutAsync("checkout", new { url = server.HealthUrl, kind = "http", failureThreshold = 2, timeoutSeconds = 5 });
        await _monitoring.ProbeAsync();
        server.Fail();
        await _monitoring.ProbeTimesAsync(2);

        var view = (await GetAsync("checkout")).Json;

        Assert.Equal("down", view.GetProperty("status").GetString());
        Assert.Equal(2, view.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(_monitoring.Tickets.TicketsFor("checkout").Single(), view.GetProperty("openIncident").GetString());
        Assert.Equal(MonitoringHarness.Start.AddMinutes(2), view.GetProperty("lastCheckedAt").GetDateTimeOffset());
        Assert.Equal(503, view.GetProperty("lastResult").GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonValueKind.Number, view.GetProperty("latencyMs").ValueKind);
        Assert.Equal("checkout", view.GetProperty("target").GetProperty("name").GetString());
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([false, false, true], history.Select(h => h.GetProperty("succeeded").GetBoolean()));
        Assert.Equal(
            [MonitoringHarness.Start.AddMinutes(2), MonitoringHarness.Start.AddMinutes(1), MonitoringHarness.Start],
            history.Select(h => h.GetProperty("slot").GetDateTimeOffset()));
    }

    [Fact]
    public async Task The_state_view_of_an_unknown_target_is_not_found()
    {
        var response = await GetAsync("nowhere");

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
    }

    [Fact]
    public async Task Deleting_a_target_removes_it_with_its_state_and_history()
    {
        await using var server = await ControllableHttpServer.StartAsync();
        await PutAsync("checkout", new { url = server.HealthUrl, kind = "http", failureThreshold = 1 });
        await _monitoring.ProbeTimesAsync(3);

        Assert.Equal(204, (await DeleteAsync("checkout")).Status);

        Assert.Equal(404, (await GetAsync("checkout")).Status);
        Assert.Equal(404, (await DeleteAsync("checkout")).Status);
        var left = _monitoring.TableClient(azurite).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "target|checkout");
        Assert.Empty(await left.ToListAsync());
    }

    private static void AssertValidationProblem(ApiResponse response, params string[] fields)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("title").GetString()));
        var errors = response.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.All(fields, field => Assert.Contains(field, errors));
    }
}
