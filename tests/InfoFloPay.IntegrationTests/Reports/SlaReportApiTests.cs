using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.TicketsApi;

namespace InfoFloPay.IntegrationTests.Reports;

/// <summary><c>GET /api/reports/sla</c> on the local host: staff only, and a bad or missing day is a 400 naming it.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class SlaReportApiTests(TicketApiFixture api)
{
    [Theory]
    [InlineData("", "from")]
    [InlineData("?from=2026-11-01", "to")]
    [InlineData("?to=2026-11-01", "from")]
    [InlineData("?from=2026-11-31&to=2026-12-01", "from")]
    [InlineData("?from=2026-11-01&to=2026-12-01T00:00:00Z", "to")]
    [InlineData("?from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("?from=2025-11-30&to=2026-12-01", "to")]
    public async Task A_missing_or_bad_day_is_a_problem_naming_it(string query, string parameter)
    {
        using var response = await api.Client("agent").GetAsync(new Uri("/api/reports/sla" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task Staff_get_a_row_for_every_tier_and_priority_with_the_tickets_opened_in_the_range()
    {
        await api.OpenTicketAsync("Report me");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(api.Host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await api.Client("manager").GetAsync(new Uri($"/api/reports/sla?from={day}&to={day}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var rows = report["rows"]!.AsArray();
        Assert.Equal(12, rows.Count);
        Assert.Equal(("America/New_York", day), (report["timeZone"]!.GetValue<string>(), report["from"]!.GetValue<string>()));
        Assert.True(rows.Where(r => r!["tier"]!.GetValue<string>() == "vip").Sum(r => r!["tickets"]!.GetValue<int>()) >= 1);
        Assert.All(rows, r => Assert.NotNull(r!["firstResponsesMet"]));
    }

    [Theory]
    [InlineData("customerA", HttpStatusCode.Forbidden)]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("agent", HttpStatusCode.OK)]
    public async Task Only_staff_read_the_report(string who, HttpStatusCode expected)
    {
        using var response = await api.Client(who).GetAsync(new Uri("/api/reports/sla?from=2026-11-01&to=2026-11-30", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}
