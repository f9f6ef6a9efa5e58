using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Sla;

/// <summary>
/// The demo, on the local host: with a policy file of minute-long targets, a ticket left unanswered past its due
/// time is escalated by <c>POST /admin/functions/SweepSla</c> — the breach email is in the outbox and on the ticket.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SlaEscalationOnLocalHostTests(AzuriteFixture azurite) : IDisposable
{
    private const string Assignee = "ava.agent@infoflopay.example";
    private const string OperationsManager = "olivia.ops@infoflopay.example";

    private readonly string _policyFile = Path.Combine(Path.GetTempPath(), $"sla-policy-minutes-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task A_breach_is_emailed_to_the_assignee_and_the_operations_manager_and_shows_on_the_ticket()
    {
        await File.WriteAllTextAsync(_policyFile, MinuteLongPolicy());
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?> { ["Sla:PolicyFile"] = _policyFile });
        var id = await OpenAndAssignAsync(host);
        var ticket = await host.Agent().GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}"));
        var dueAt = ticket!["sla"]!["firstResponseDueAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(host.Clock.GetUtcNow().AddMinutes(2), dueAt);

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        using (var sweep = await host.Anonymous().PostAsync(Url("/admin/functions/SweepSla"), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, sweep.StatusCode);
        }

        var outbox = await host.Anonymous().GetFromJsonAsync<JsonArray>(Url("/admin/outbox"));
        var escalations = outbox!.Where(entry => entry!["ticketId"]?.GetValue<string>() == id && entry["subject"]!.GetValue<string>().Contains("SLA breached", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [Assignee, OperationsManager],
            escalations.SelectMany(entry => entry!["to"]!.AsArray().Select(to => to!.GetValue<string>())).Order());
        var breached = await host.Agent().GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}"));
        var breach = Assert.Single(breached!["sla"]!["breaches"]!.AsArray())!;
        Assert.Equal(("first-response", dueAt), (breach["target"]!.GetValue<string>(), breach["at"]!.GetValue<DateTimeOffset>()));
        var timeline = await host.Agent().GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}/events"));
        var slaEvent = Assert.Single(timeline!["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "sla-breached")!;
        Assert.Equal("first-response", slaEvent["channel"]!.GetValue<string>());

        // A second sweep finds nothing left to send.
        using (await host.Anonymous().PostAsync(Url("/admin/functions/SweepSla"), null))
        {
        }

        var after = await host.Anonymous().GetFromJsonAsync<JsonArray>(Url("/admin/outbox"));
        Assert.Equal(escalations.Count, after!.Count(entry => entry!["ticketId"]?.GetValue<string>() == id && entry["subject"]!.GetValue<string>().Contains("SLA breached", StringComparison.Ordinal)));
    }

    public void Dispose() => File.Delete(_policyFile);

    private static async Task<string> OpenAndAssignAsync(Infrastructure.LocalHost host)
    {
        using var created = await host.Agent().PostAsync(Url("/api/tickets"), Json("""{"subject":"Payouts failing","description":"Every payout returns 502.","priority":"high"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var triaged = await host.Agent().PostAsync(Url($"/api/tickets/{id}/triage"), Json($$"""{"priority":"high","assignee":"{{Assignee}}"}"""));
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        return id;
    }

    /// <summary>Every row of the policy: two minutes to respond, ten to resolve, round the clock, warned a minute ahead.</summary>
    internal static string MinuteLongPolicy()
    {
        var row = new JsonObject { ["firstResponse"] = "PT2M", ["resolution"] = "PT10M", ["calendar"] = "24x7", ["warningLead"] = "PT1M" };
        var tiers = new JsonObject();
        foreach (var tier in new[] { "essentials", "reserve", "vip" })
        {
            var priorities = new JsonObject();
            foreach (var priority in new[] { "urgent", "high", "medium", "low" })
            {
                priorities[priority] = row.DeepClone();
            }

            tiers[tier] = priorities;
        }

        return new JsonObject
        {
            ["calendar"] = JsonNode.Parse("""{"timeZone":"America/New_York","workingDays":["monday","tuesday","wednesday","thursday","friday"],"workingHours":{"start":"08:00","end":"17:00"},"usFederalHolidays":true,"holidays":[]}"""),
            ["tiers"] = tiers,
        }.ToJsonString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
