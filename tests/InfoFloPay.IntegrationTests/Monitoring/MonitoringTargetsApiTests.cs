using System.Text.Json;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Monitoring;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class MonitoringTargetsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The problem types every route of the API answers with: RFC 9110's section for the status.
    private const string BadRequestType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1";
    private const string UnauthorizedType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2";
    private const string ForbiddenType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4";
    private const string NotFoundType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5";

    private static readonly object ValidBody = new { url = "https://pay.example/health", kind = "http", failureThreshold = 2 };

    private MonitoringHarness _monitoring = null!;

    public enum Who
    {
        Anonymous,
        Customer,
        Agent,
        Manager,
    }

    public Task InitializeAsync()
    {
        _monitoring = MonitoringHarness.Create(azurite);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _monitoring.DisposeAsync().AsTask();

    [Fact]
    public async Task A_manager_adds_a_target_and_staff_see_it_with_its_defaults()
    {
        var created = await PutAsync("checkout", new { url = "https://pay.example/health", kind = "http", failureThreshold = 3, customerId = "acme" });

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/monitoring/targets/checkout", created.Headers.Location.ToString());
        var list = await ListAsync(Who.Agent);
        Assert.Equal(200, list.Status);
        var target = Assert.Single(list.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("checkout", target.GetProperty("name").GetString());
        Assert.Equal("http", target.GetProperty("kind").GetString());
        Assert.Equal(200, target.GetProperty("expectedStatus").GetInt32());
        Assert.Equal(10, target.GetProperty("timeoutSeconds").GetInt32());
        Assert.Equal(3, target.GetProperty("failureThreshold").GetInt32());
        Assert.Equal("acme", target.GetProperty("customerId").GetString());
        Assert.Equal(60, target.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(1, target.GetProperty("recoveryThreshold").GetInt32());
        Assert.Equal("unknown", target.GetProperty("status").GetString());
        Assert.Equal(0, target.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task Putting_a_target_again_changes_it()
    {
        await PutAsync("ledger-db", new { url = "db.internal:5432", kind = "tcp", failureThreshold = 2 });

        var changed = await PutAsync("ledger-db", new { url = "db.internal:6432", kind = "tcp", failureThreshold = 4, timeoutSeconds = 3 });

        Assert.Equal(200, changed.Status);
        Assert.Equal("tcp", changed.Json.GetProperty("kind").GetString());
        Assert.False(changed.Json.TryGetProperty("expectedStatus", out _));
        var stored = await _monitoring.Targets.FindAsync("ledger-db", default);
        Assert.Equal(("db.internal:6432", 4, 3), (stored!.Url, stored.FailureThreshold, stored.TimeoutSeconds));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_threshold_outside_one_to_five_is_refused_and_nothing_is_stored(int threshold)
    {
        var response = await PutAsync("checkout", new { url = "https://pay.example/health", kind = "http", failureThreshold = threshold });

        AssertValidationProblem(response, "failureThreshold");
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_the_problem()
    {
        var response = await PutAsync("checkout", new { url = "not a url", kind = "ping", timeoutSeconds = 90, failureThreshold = 2 });

        AssertValidationProblem(response, "kind", "timeoutSeconds");
        Assert.Contains("http, tcp", response.Json.GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        var response = await PutAsync("checkout", null, rawBody: """{"url":"https://pay.example/health","kind":"http","failureThreshold":"three"}""");

        AssertValidationProblem(response, "failureThreshold");
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_too_large_is_refused_like_anywhere_else_in_the_api()
    {
        var form = ApiCall.Request("PUT", Principal(Who.Manager), rawBody: "url=https://pay.example/health");
        form.ContentType = "application/x-www-form-urlencoded";
        var huge = ApiCall.Request("PUT", Principal(Who.Manager), rawBody: $$"""{"url":"https://pay.example/health","kind":"http","failureThreshold":2,"bodyContains":"{{new string('x', 70_000)}}"}""");

        var notJson = await ApiCall.ResponseAsync(form, await Function<PutMonitoringTargetFunction>().Run(form, "checkout", default));
        var tooLarge = await ApiCall.ResponseAsync(huge, await Function<PutMonitoringTargetFunction>().Run(huge, "checkout", default));

        AssertProblem(notJson, 415, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16", "Unsupported media type");
        AssertProblem(tooLarge, 413, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14", "Payload too large");
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_name_that_cannot_be_a_key_is_refused()
    {
        var response = await PutAsync("Check Out", ValidBody);

        AssertValidationProblem(response, "name");
        Assert.Empty(await _monitoring.Targets.ListAsync(default));
    }

    [Fact]
    public async Task A_history_that_is_not_a_count_within_what_is_kept_names_history()
    {
        await PutAsync("checkout", ValidBody);

        AssertValidationProblem(await GetAsync("checkout", query: "history=lots"), "history");
        AssertValidationProblem(await GetAsync("checkout", query: "history=1441"), "history");
        Assert.Equal(200, (await GetAsync("checkout", query: "history=1440")).Status);
    }

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 403)]
    [InlineData(Who.Manager, 201)]
    public async Task Only_a_manager_adds_a_target(Who who, int expected)
    {
        var response = await PutAsync("checkout", ValidBody, who);

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected == 201 ? 1 : 0, (await _monitoring.Targets.ListAsync(default)).Count);
    }

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 403)]
    [InlineData(Who.Manager, 204)]
    public async Task Only_a_manager_removes_a_target(Who who, int expected)
    {
        await PutAsync("checkout", ValidBody);

        var response = await DeleteAsync("checkout", who);

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected != 204, await _monitoring.Targets.FindAsync("checkout", default) is not null);
    }

    [Theory]
    [InlineData(Who.Anonymous, 401)]
    [InlineData(Who.Customer, 403)]
    [InlineData(Who.Agent, 200)]
    [InlineData(Who.Manager, 200)]
    public async Task Only_staff_read_targets_and_their_state(Who who, int expected)
    {
        await PutAsync("checkout", ValidBody);

        Assert.Equal(expected, (await ListAsync(who)).Status);
        Assert.Equal(expected, (await GetAsync("checkout", who)).Status);
    }

    [Fact]
    public async Task Refused_callers_get_the_problems_the_rest_of_the_api_gives()
    {
        var anonymous = await ListAsync(Who.Anonymous);
        var customer = await GetAsync("checkout", Who.Customer);
        var agent = await PutAsync("checkout", ValidBody, Who.Agent);

        AssertProblem(anonymous, 401, UnauthorizedType, "Unauthorized");
        AssertProblem(customer, 403, ForbiddenType, "Forbidden");
        AssertProblem(agent, 403, ForbiddenType, "Forbidden");
    }

    [Fact]
    public async Task The_state_view_shows_failures_the_open_incident_and_recent_history()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await PutAsync("checkout", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 2, timeoutSeconds = 5 });
        await _monitoring.ProbeAsync();
        server.AnswerWith(HealthPage.Failing);
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

        AssertProblem(response, 404, NotFoundType, "Not found");
        Assert.Contains("nowhere", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_target_removes_it_with_its_state_and_history()
    {
        await using var server = await LoopbackHttpServer.StartAsync(HealthPage.Healthy);
        await PutAsync("checkout", new { url = server.Url(HealthPage.Path), kind = "http", failureThreshold = 1 });
        await _monitoring.ProbeTimesAsync(3);

        var deleted = await DeleteAsync("checkout");

        Assert.Equal((204, null), (deleted.Status, deleted.Body));
        Assert.Equal(404, (await GetAsync("checkout")).Status);
        AssertProblem(await DeleteAsync("checkout"), 404, NotFoundType, "Not found");
        var left = _monitoring.TableClient(azurite).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "target|checkout");
        Assert.Empty(await left.ToListAsync());
    }

    internal static string? Principal(Who who) => who switch
    {
        Who.Anonymous => null,
        Who.Customer => PrincipalHeader.For("alice@acme.test"),
        Who.Agent => PrincipalHeader.For("ava.agent@infoflopay.example", "Support.Agent"),
        Who.Manager => PrincipalHeader.For("olivia.ops@infoflopay.example", "Support.Manager"),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private static void AssertValidationProblem(ApiResponse response, params string[] fields)
    {
        AssertProblem(response, 400, BadRequestType, "Invalid request");
        var errors = response.Json.GetProperty("errors");
        Assert.All(fields, field => Assert.False(string.IsNullOrEmpty(errors.GetProperty(field)[0].GetString())));
    }

    private static void AssertProblem(ApiResponse response, int status, string type, string title)
    {
        Assert.Equal((status, "application/problem+json"), (response.Status, response.MediaType));
        Assert.Equal(type, response.Json.GetProperty("type").GetString());
        Assert.Equal(title, response.Json.GetProperty("title").GetString());
        Assert.Equal(status, response.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("detail").GetString()));
    }

    private T Function<T>() where T : notnull => _monitoring.Function<T>();

    private async Task<ApiResponse> PutAsync(string name, object? body, Who who = Who.Manager, string? rawBody = null)
    {
        var request = ApiCall.Request("PUT", Principal(who), body, rawBody);
        return await ApiCall.ResponseAsync(request, await Function<PutMonitoringTargetFunction>().Run(request, name, default));
    }

    private async Task<ApiResponse> GetAsync(string name, Who who = Who.Agent, string? query = null)
    {
        var request = ApiCall.Request("GET", Principal(who), query: query);
        return await ApiCall.ResponseAsync(request, await Function<GetMonitoringTargetFunction>().Run(request, name, default));
    }

    private async Task<ApiResponse> ListAsync(Who who)
    {
        var request = ApiCall.Request("GET", Principal(who));
        return await ApiCall.ResponseAsync(request, await Function<ListMonitoringTargetsFunction>().Run(request, default));
    }

    private async Task<ApiResponse> DeleteAsync(string name, Who who = Who.Manager)
    {
        var request = ApiCall.Request("DELETE", Principal(who));
        return await ApiCall.ResponseAsync(request, await Function<DeleteMonitoringTargetFunction>().Run(request, name, default));
    }
}
