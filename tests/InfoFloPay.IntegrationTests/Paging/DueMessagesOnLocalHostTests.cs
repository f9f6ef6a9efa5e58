using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Sla;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Paging;

/// <summary>
/// Due instants as scheduled messages on the local host's in-process bus, which delivers them on the fake clock: no
/// sweep runs in these tests, so whatever happens happens because the message arrived at its instant.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DueMessagesOnLocalHostTests(AzuriteFixture azurite)
{
    private const string Deputy = "deputy@infoflopay.example";

    private static readonly Dictionary<string, string?> Settings = new() { ["Paging:Escalation:1:Email"] = Deputy };

    [Fact]
    public async Task Unacknowledged_for_fifteen_minutes_step_one_is_paged_once_even_redelivered_and_an_acknowledged_page_pages_nobody()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, Settings);
        var unacknowledged = await OpenAsync(host, "urgent");
        var acknowledged = await OpenAsync(host, "urgent");
        var dueAt = host.Clock.GetUtcNow().AddMinutes(15);
        using (var ack = await host.Agent().PostAsync(Url($"/api/tickets/{acknowledged}/acknowledge"), Json("{}")))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        Assert.Equal(0, PagesTo(host, Deputy));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        Assert.Equal(1, PagesTo(host, Deputy, unacknowledged));
        var escalated = Assert.Single(await EventsAsync(host, unacknowledged), e => e!["kind"]!.GetValue<string>() == "escalated")!;
        Assert.Equal(dueAt, escalated["occurredAt"]!.GetValue<DateTimeOffset>());

        // Service Bus delivers the same message again (a lost lock): it finds the step recorded.
        host.Bus.Redeliver("sla-due", DueMessage(unacknowledged, dueAt));
        await host.MessagesSettledAsync();
        Assert.Equal(1, PagesTo(host, Deputy, unacknowledged));
        Assert.Equal(0, PagesTo(host, Deputy, acknowledged));
    }

    [Fact]
    public async Task A_breach_fires_at_its_exact_instant_and_a_reply_makes_the_earlier_message_stale()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var unanswered = await OpenAsync(host, "high");
        var answered = await OpenAsync(host, "high");
        var due = (await TicketAsync(host, unanswered))["sla"]!["firstResponseDueAt"]!.GetValue<DateTimeOffset>();
        var answeredCheckpoint = await CheckpointAsync(host, answered);
        using (var reply = await host.Agent().PostAsync(Url($"/api/tickets/{answered}/replies"), Json("""{"body":"Looking into it."}""")))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        host.Clock.Advance(due - host.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        Assert.DoesNotContain(await EventsAsync(host, unanswered), e => e!["kind"]!.GetValue<string>() == "sla-breached");

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        var breach = Assert.Single(await EventsAsync(host, unanswered), e => e!["kind"]!.GetValue<string>() == "sla-breached")!;
        Assert.Equal(due, breach["occurredAt"]!.GetValue<DateTimeOffset>());

        // The reply moved the answered ticket's milestone: the message scheduled for the old one is dropped.
        var handler = host.Services.GetRequiredService<SlaDueHandler>();
        Assert.Equal(SlaDueOutcome.Stale, await handler.HandleAsync(new SlaDueMessage(answered, answeredCheckpoint), CancellationToken.None));
        Assert.DoesNotContain(await EventsAsync(host, answered), e => e!["kind"]!.GetValue<string>() is "sla-warning" or "sla-breached");
    }

    private static async Task<DateTimeOffset> CheckpointAsync(Infrastructure.LocalHost host, string id)
    {
        var store = host.Services.GetRequiredService<InfoFloPay.Functions.Tickets.TicketStore>();
        var stored = await store.GetAsync(id, CancellationToken.None);
        return InfoFloPay.Functions.Tickets.TicketKeys.DueAt(stored!.Ticket)!.Value;
    }

    private static OutgoingMessage DueMessage(string id, DateTimeOffset dueAt) =>
        new($"{id}/due/{dueAt.UtcTicks}", "sla.due", BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(new SlaDueMessage(id, dueAt), HelpdeskJson.Options)));

    private static async Task<string> OpenAsync(Infrastructure.LocalHost host, string priority)
    {
        using var created = await host.Agent().PostAsync(Url("/api/tickets"), Json($$"""{"subject":"Payouts down","description":"Every payout returns 502.","priority":"{{priority}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await host.MessagesSettledAsync();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static int PagesTo(Infrastructure.LocalHost host, string to, string? id = null) =>
        host.Outbox.Entries.Count(entry => (id is null || entry.TicketId == id) && entry.To.Contains(to, StringComparer.OrdinalIgnoreCase));

    private static async Task<JsonObject> TicketAsync(Infrastructure.LocalHost host, string id) =>
        (await host.Agent().GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}")))!;

    private static async Task<JsonArray> EventsAsync(Infrastructure.LocalHost host, string id) =>
        (await host.Agent().GetFromJsonAsync<JsonObject>(Url($"/api/tickets/{id}/events")))!["items"]!.AsArray();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
