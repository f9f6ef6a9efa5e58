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
        var (unacknowledged, acknowledged, dueAt) = await StepOnePagedAfterAsync(host, TimeSpan.FromMinutes(15));

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

    [Fact]
    public async Task A_due_message_that_arrives_while_this_clock_still_trails_its_instant_acts_at_the_instant_and_one_far_too_early_does_nothing()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var id = await OpenAsync(host, "high");
        var handler = host.Services.GetRequiredService<SlaDueHandler>();
        var warningAt = await CheckpointAsync(host, id);
        bool Warned(JsonArray events) => events.Any(e => e!["kind"]!.GetValue<string>() == "sla-warning");

        // Minutes before its instant is no clock skew: nothing is sent.
        Assert.True(warningAt - host.Clock.GetUtcNow() > SlaDueHandler.MaxClockSkew, "the warning is still more than a minute away");
        Assert.Equal(SlaDueOutcome.NothingToDo, await handler.HandleAsync(new SlaDueMessage(id, warningAt), CancellationToken.None));
        Assert.False(Warned(await EventsAsync(host, id)));

        // The broker's clock says the warning is due; this instance's is still two seconds short of it.
        host.Clock.Advance(warningAt - host.Clock.GetUtcNow() - TimeSpan.FromSeconds(2));
        await host.MessagesSettledAsync();
        Assert.False(Warned(await EventsAsync(host, id)));
        Assert.Equal(SlaDueOutcome.Acted, await handler.HandleAsync(new SlaDueMessage(id, warningAt), CancellationToken.None));
        var warning = Assert.Single(await EventsAsync(host, id), e => e!["kind"]!.GetValue<string>() == "sla-warning")!;
        Assert.Equal(warningAt, warning["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Done_when_acknowledge_within_one_minute_step_one_is_paged_after_one_fake_minute_and_an_acknowledged_ticket_pages_nobody_else()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(
            azurite, new Dictionary<string, string?>(Settings) { ["Paging:AcknowledgeWithin"] = "00:01:00" });
        var (_, acknowledged, _) = await StepOnePagedAfterAsync(host, TimeSpan.FromMinutes(1));
        var mailAboutAcknowledged = host.Outbox.Entries.Count(entry => entry.TicketId == acknowledged);

        // Ten more minutes (still before the SLA warning): the acknowledged ticket pages and mails nobody at all.
        for (var minute = 0; minute < 10; minute++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.MessagesSettledAsync();
        }

        Assert.Equal(mailAboutAcknowledged, host.Outbox.Entries.Count(entry => entry.TicketId == acknowledged));
        Assert.DoesNotContain(await EventsAsync(host, acknowledged), e => e!["kind"]!.GetValue<string>() == "escalated");
    }

    [Fact]
    public async Task Sla_pause_and_resume_the_message_for_the_old_warning_instant_is_dropped_and_the_moved_warning_fires_once_after_resume()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var id = await OpenAsync(host, "high");
        var start = host.Clock.GetUtcNow();
        using (var triaged = await host.Agent().PostAsync(Url($"/api/tickets/{id}/triage"), Json("""{"priority":"high","assignee":"ava.agent@infoflopay.example"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        }

        var due = (await TicketAsync(host, id))["sla"]!["firstResponseDueAt"]!.GetValue<DateTimeOffset>();
        var warningAt = due.AddHours(-1);
        Assert.Equal(warningAt, await CheckpointAsync(host, id));

        host.Clock.Advance(TimeSpan.FromHours(1));
        await StatusAsync(host, id, "pending");
        Assert.True((await TicketAsync(host, id))["sla"]!["paused"]!.GetValue<bool>());

        // The message scheduled for the old warning instant arrives while the ticket is paused: dropped, nothing sent.
        host.Clock.SetUtcNow(warningAt);
        await host.MessagesSettledAsync();
        Assert.Empty(SlaEvents(await EventsAsync(host, id)));

        // Pending from 10:00 to 12:30 New York time: both milestones move 2.5 business hours later.
        host.Clock.SetUtcNow(start.AddHours(3.5));
        await StatusAsync(host, id, "open");
        var movedDue = due.AddHours(2.5);
        Assert.Equal(movedDue, (await TicketAsync(host, id))["sla"]!["firstResponseDueAt"]!.GetValue<DateTimeOffset>());

        // A late redelivery of the old instant's message is stale too.
        host.Bus.Redeliver("sla-due", DueMessage(id, warningAt));
        await host.MessagesSettledAsync();
        Assert.Empty(SlaEvents(await EventsAsync(host, id)));

        host.Clock.SetUtcNow(movedDue.AddHours(-1).AddSeconds(-1));
        await host.MessagesSettledAsync();
        Assert.Empty(SlaEvents(await EventsAsync(host, id)));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        var warning = Assert.Single(SlaEvents(await EventsAsync(host, id)))!;
        Assert.Equal(("sla-warning", movedDue.AddHours(-1)), (warning["kind"]!.GetValue<string>(), warning["occurredAt"]!.GetValue<DateTimeOffset>()));

        host.Clock.SetUtcNow(movedDue);
        await host.MessagesSettledAsync();
        Assert.Equal(
            [("sla-warning", movedDue.AddHours(-1)), ("sla-breached", movedDue)],
            SlaEvents(await EventsAsync(host, id)).Select(e => (e!["kind"]!.GetValue<string>(), e["occurredAt"]!.GetValue<DateTimeOffset>())));
    }

    [Fact]
    public async Task Overlapping_runs_of_an_escalation_step_redelivered_messages_and_sweeps_at_once_page_it_once()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, Settings);
        var id = await OpenAsync(host, "urgent");
        var dueAt = host.Clock.GetUtcNow().AddMinutes(15);
        var handler = host.Services.GetRequiredService<SlaDueHandler>();
        var sweep = host.Services.GetRequiredService<SlaSweep>();

        // At the instant the bus delivers the scheduled message; at the same time three redeliveries and two sweeps.
        host.Clock.SetUtcNow(dueAt);
        var handling = Enumerable.Range(0, 3).Select(_ => Task.Run(() => handler.HandleAsync(new SlaDueMessage(id, dueAt), CancellationToken.None))).ToList();
        var sweeping = Enumerable.Range(0, 2).Select(_ => Task.Run(() => sweep.RunAsync(CancellationToken.None))).ToList();
        await Task.WhenAll([.. handling, .. sweeping]);
        var (outcomes, sweeps) = (handling.Select(task => task.Result), sweeping.Select(task => task.Result));
        await host.MessagesSettledAsync();

        Assert.Equal(1, PagesTo(host, Deputy, id));
        var escalated = Assert.Single(await EventsAsync(host, id), e => e!["kind"]!.GetValue<string>() == "escalated")!;
        Assert.Equal(dueAt, escalated["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, (await TicketAsync(host, id))["paging"]!["escalationStep"]!.GetValue<int>());
        Assert.True(outcomes.Count(outcome => outcome == SlaDueOutcome.Acted) + sweeps.Sum(result => result.Notices) <= 1);
    }

    [Fact]
    public async Task Settings_change_after_a_restart_with_a_longer_acknowledge_within_the_old_instants_message_reschedules_and_step_one_is_paged_once_at_the_new_instant()
    {
        string id;
        DateTimeOffset pagedAt;
        await using (var before = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>(Settings) { ["Paging:AcknowledgeWithin"] = "00:01:00" }))
        {
            id = await OpenAsync(before, "urgent");
            pagedAt = before.Clock.GetUtcNow();
            Assert.Equal(pagedAt.AddMinutes(1), (await TicketAsync(before, id))["paging"]!["nextEscalationAt"]!.GetValue<DateTimeOffset>());
        }

        // The restart: the same storage, Paging__AcknowledgeWithin now five minutes. Service Bus kept the message
        // scheduled for the old instant, and delivers it to the new instance then.
        await using var after = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?>(Settings) { ["Paging:AcknowledgeWithin"] = "00:05:00" });
        after.Clock.SetUtcNow(pagedAt.AddMinutes(1));
        after.Bus.Redeliver("sla-due", DueMessage(id, pagedAt.AddMinutes(1)), deliveryCount: 1);
        await after.MessagesSettledAsync();
        Assert.Equal(0, PagesTo(after, Deputy, id));
        Assert.Equal(pagedAt.AddMinutes(5), (await TicketAsync(after, id))["paging"]!["nextEscalationAt"]!.GetValue<DateTimeOffset>());
        var moved = Assert.Single(await EventsAsync(after, id), e => e!["kind"]!.GetValue<string>() == "escalation-rescheduled")!;
        Assert.Equal(pagedAt.AddMinutes(5), moved["dueAt"]!.GetValue<DateTimeOffset>());

        // The old instant's message again (a redelivery) is stale now; the sweep finds nothing due either.
        after.Bus.Redeliver("sla-due", DueMessage(id, pagedAt.AddMinutes(1)));
        await after.MessagesSettledAsync();
        Assert.Equal(0, (await after.Services.GetRequiredService<SlaSweep>().RunAsync(CancellationToken.None)).Notices);

        after.Clock.SetUtcNow(pagedAt.AddMinutes(5).AddSeconds(-1));
        await after.MessagesSettledAsync();
        Assert.Equal(0, PagesTo(after, Deputy, id));

        after.Clock.Advance(TimeSpan.FromSeconds(1));
        await after.MessagesSettledAsync();
        await after.Services.GetRequiredService<SlaSweep>().RunAsync(CancellationToken.None);
        await after.MessagesSettledAsync();
        Assert.Equal(1, PagesTo(after, Deputy, id));
        var escalated = Assert.Single(await EventsAsync(after, id), e => e!["kind"]!.GetValue<string>() == "escalated")!;
        Assert.Equal(pagedAt.AddMinutes(5), escalated["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>Opens two urgent tickets and acknowledges the second; checks that step 1 of the first is paged
    /// <paramref name="window"/> after the page and not a second sooner, and that the acknowledged one is not escalated.</summary>
    private static async Task<(string Unacknowledged, string Acknowledged, DateTimeOffset DueAt)> StepOnePagedAfterAsync(Infrastructure.LocalHost host, TimeSpan window)
    {
        var unacknowledged = await OpenAsync(host, "urgent");
        var acknowledged = await OpenAsync(host, "urgent");
        var dueAt = host.Clock.GetUtcNow() + window;
        using (var ack = await host.Agent().PostAsync(Url($"/api/tickets/{acknowledged}/acknowledge"), Json("{}")))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        host.Clock.Advance(window - TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        Assert.Equal(0, PagesTo(host, Deputy));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.MessagesSettledAsync();
        Assert.Equal(1, PagesTo(host, Deputy, unacknowledged));
        var escalated = Assert.Single(await EventsAsync(host, unacknowledged), e => e!["kind"]!.GetValue<string>() == "escalated")!;
        Assert.Equal(dueAt, escalated["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain(await EventsAsync(host, acknowledged), e => e!["kind"]!.GetValue<string>() == "escalated");
        return (unacknowledged, acknowledged, dueAt);
    }

    private static List<JsonNode?> SlaEvents(JsonArray events) =>
        [.. events.Where(e => e!["kind"]!.GetValue<string>() is "sla-warning" or "sla-breached")];

    private static async Task StatusAsync(Infrastructure.LocalHost host, string id, string status)
    {
        using var changed = await host.Agent().PostAsync(Url($"/api/tickets/{id}/status"), Json($$"""{"status":"{{status}}","note":"waiting for logs"}"""));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await host.MessagesSettledAsync();
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
