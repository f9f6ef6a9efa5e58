using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.Functions.Webhooks;
using InfoFloPay.IntegrationTests.Flows;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks end to end on the local host: registered over HTTP, ticket.created through the in-process bus to
/// FanOutWebhooks and DeliverWebhook, POSTed to a real loopback receiver, retries on the fake clock, the delivery log.
/// Each host has a webhooks table of its own, so no other test's webhooks see its events.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class WebhooksOnLocalHostTests(AzuriteFixture azurite)
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task A_receiver_gets_a_correctly_signed_ticket_created_after_a_create()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        await using var host = await StartAsync();
        await PutAsync(host, "crm", receiver.Url("/hooks/infoflopay"), ["ticket.created"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);

        var id = await desk.OpenTicketAsync(subject: "Refund stuck");
        await host.MessagesSettledAsync();

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/hooks/infoflopay", "application/json"), (request.Method, request.Path, request.ContentType.Split(';')[0]));
        Assert.StartsWith("msg_", request.Headers["webhook-id"], StringComparison.Ordinal);
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["webhook-timestamp"]);
        Assert.True(StandardWebhooksVerifier.Verify(Secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"],
            request.Body, host.Clock.GetUtcNow()), $"signature {request.Headers["webhook-signature"]} does not verify");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["type", "timestamp", "data"], body.Select(p => p.Key));
        Assert.Equal("ticket.created", body["type"]!.GetValue<string>());
        Assert.Equal((id, "Refund stuck", desk.Carol), (body["data"]!["ticketId"]!.GetValue<string>(), body["data"]!["subject"]!.GetValue<string>(),
            body["data"]!["requester"]!["email"]!.GetValue<string>()));

        var delivery = Assert.Single(await DeliveriesAsync(host, "crm"));
        Assert.Equal((request.Headers["webhook-id"], "ticket.created", 1, "delivered", 204), (delivery["id"]!.GetValue<string>(), delivery["event"]!.GetValue<string>(),
            delivery["attempt"]!.GetValue<int>(), delivery["status"]!.GetValue<string>(), delivery["statusCode"]!.GetValue<int>()));
        Assert.Null(delivery["nextAttemptAt"]);
    }

    [Fact]
    public async Task A_failing_receiver_gets_six_tries_with_the_same_webhook_id_on_the_backoff_schedule_then_the_delivery_is_dead_lettered_and_failed()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        await using var host = await StartAsync(new() { ["DevHost:ServiceBus:MaxDeliveryCount"] = "3" });
        await PutAsync(host, "flaky", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);
        await desk.OpenTicketAsync();
        await host.MessagesSettledAsync();
        Assert.Single(receiver.Requests);

        var started = host.Clock.GetUtcNow();
        foreach (var wait in WebhookDeliverer.Backoff)
        {
            // Not yet: the retry waits at least its step of the schedule.
            host.Clock.Advance(wait * 0.99);
            await host.MessagesSettledAsync();
            var before = receiver.Requests.Count;
            // Then within the step plus its jitter (at most 10%).
            host.Clock.Advance(wait * 0.12);
            await host.MessagesSettledAsync();
            Assert.Equal(before + 1, receiver.Requests.Count);
        }

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.MessagesSettledAsync();
        Assert.Equal(WebhookDeliverer.MaxAttempts, receiver.Requests.Count);
        var id = receiver.Requests.First().Headers["webhook-id"];
        Assert.All(receiver.Requests, r => Assert.Equal(id, r.Headers["webhook-id"]));
        Assert.All(receiver.Requests, r => Assert.True(StandardWebhooksVerifier.Verify(Secret, id, r.Headers["webhook-timestamp"], r.Headers["webhook-signature"], r.Body,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Single(receiver.Requests.Select(r => r.Body).Distinct());

        var dead = Assert.Single(host.Bus.DeadLetters, d => d.EntityPath == "webhook-deliveries");
        Assert.Equal($"{id}/{WebhookDeliverer.MaxAttempts}", dead.MessageId);

        var log = await DeliveriesAsync(host, "flaky");
        Assert.Equal([6, 5, 4, 3, 2, 1], log.Select(d => d["attempt"]!.GetValue<int>()));
        Assert.Equal(["failed", "retrying", "retrying", "retrying", "retrying", "retrying"], log.Select(d => d["status"]!.GetValue<string>()));
        Assert.All(log, d => Assert.Equal((id, 500), (d["id"]!.GetValue<string>(), d["statusCode"]!.GetValue<int>())));
        Assert.Contains("500", log[0]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(log[0]["nextAttemptAt"]);
        Assert.All(log.Skip(1), d => Assert.True(d["nextAttemptAt"]!.GetValue<DateTimeOffset>() > d["at"]!.GetValue<DateTimeOffset>()));
        Assert.True(host.Clock.GetUtcNow() - started > TimeSpan.FromMinutes(42));
    }

    [Fact]
    public async Task Each_status_change_pending_reopen_and_resolve_is_one_signed_ticket_status_changed_with_from_and_to()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        await using var host = await StartAsync();
        await PutAsync(host, "crm", receiver.Url("/in"), ["ticket.status_changed"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "high");

        await desk.ChangeStatusAsync(id, "pending", "waiting on Carol");
        await host.MessagesSettledAsync();
        await desk.ReplyAsync(desk.Customer(), id, "Here are the details.");
        await host.MessagesSettledAsync();
        await desk.ChangeStatusAsync(id, "resolved", "Payout re-sent.");
        await host.MessagesSettledAsync();

        var bodies = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal([("open", "pending"), ("pending", "open"), ("open", "resolved")],
            bodies.Select(b => (b["data"]!["from"]!.GetValue<string>(), b["data"]!["to"]!.GetValue<string>())));
        Assert.All(bodies, b => Assert.Equal(("ticket.status_changed", id), (b["type"]!.GetValue<string>(), b["data"]!["ticketId"]!.GetValue<string>())));
        Assert.Equal("Payout re-sent.", bodies[2]["data"]!["note"]!.GetValue<string>());
        Assert.Equal(3, receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.True(StandardWebhooksVerifier.Verify(Secret, r.Headers["webhook-id"], r.Headers["webhook-timestamp"],
            r.Headers["webhook-signature"], r.Body, host.Clock.GetUtcNow()), $"signature {r.Headers["webhook-signature"]} does not verify"));
        Assert.Equal(3, (await DeliveriesAsync(host, "crm")).Count);
    }

    [Fact]
    public async Task A_monitoring_incident_is_sent_as_incident_opened_and_its_resolution_as_incident_resolved_each_with_its_own_id()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => Task.CompletedTask);
        await using var host = await StartAsync();
        await PutAsync(host, "ops", receiver.Url("/in"), ["incident.opened", "incident.resolved", "ticket.created"], HttpStatusCode.Created);
        var manager = new PersonRef("olivia.ops@infoflopay.example", "Olivia Ops");

        await PublishAsync(host, HelpdeskEventTypes.TicketCreated, "000001", new TicketCreatedData("gateway is down", manager, "urgent", "monitoring"));
        await PublishAsync(host, HelpdeskEventTypes.TicketResolved, "000009", new TicketResolvedData("gateway is down", manager, "Recovered.", "monitoring"));
        await host.MessagesSettledAsync();

        var received = receiver.Requests.Select(r => (Type: JsonNode.Parse(r.Body)!["type"]!.GetValue<string>(), Id: r.Headers["webhook-id"])).ToList();
        Assert.Equal(["incident.opened", "incident.resolved", "ticket.created"], received.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.Equal(3, received.Select(r => r.Id).Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.Equal("IFP-9001", JsonNode.Parse(r.Body)!["data"]!["ticketId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_attempt_that_was_delivered_is_not_posted_again()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => Task.CompletedTask);
        await using var host = await StartAsync();
        await PutAsync(host, "once", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);
        await desk.OpenTicketAsync();
        await host.MessagesSettledAsync();
        var first = Assert.Single(receiver.Requests);

        // As Service Bus does when a lock is lost after the handler ran.
        var again = new WebhookDeliveryMessage("once", first.Headers["webhook-id"], "ticket.created", first.Body, Attempt: 1);
        host.Bus.Redeliver("webhook-deliveries", WebhookFanOut.ToMessage(again));
        await host.MessagesSettledAsync();

        Assert.Single(receiver.Requests);
        Assert.Single(await DeliveriesAsync(host, "once"));
    }

    [Fact]
    public async Task Log_entries_past_the_retention_are_removed_when_the_next_event_is_delivered()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => Task.CompletedTask);
        await using var host = await StartAsync(new() { ["Webhooks:DeliveryLogRetention"] = "7.00:00:00" });
        await PutAsync(host, "kept", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);
        await desk.OpenTicketAsync(subject: "Old");
        await host.MessagesSettledAsync();
        host.Clock.Advance(TimeSpan.FromDays(6));
        await desk.OpenTicketAsync(subject: "Recent");
        await host.MessagesSettledAsync();
        Assert.Equal(2, (await DeliveriesAsync(host, "kept")).Count);

        host.Clock.Advance(TimeSpan.FromDays(2));
        await desk.OpenTicketAsync(subject: "New");
        await host.MessagesSettledAsync();

        var log = await DeliveriesAsync(host, "kept");
        var ids = receiver.Requests.Select(r => r.Headers["webhook-id"]).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal([ids[2], ids[1]], log.Select(d => d["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Removing_a_webhook_drops_its_pending_retries()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        await using var host = await StartAsync();
        await PutAsync(host, "gone", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.Created);
        var desk = await Desk.OpenAsync(host);
        await desk.OpenTicketAsync();
        await host.MessagesSettledAsync();
        Assert.Single(receiver.Requests);

        using (var deleted = await host.Manager().DeleteAsync(new Uri("/api/webhooks/gone", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.MessagesSettledAsync();

        Assert.Single(receiver.Requests);
        Assert.DoesNotContain(host.Bus.DeadLetters, d => d.EntityPath == "webhook-deliveries");
    }

    [Fact]
    public async Task The_list_never_shows_the_secret_a_change_answers_200_and_delete_is_204_then_404()
    {
        await using var host = await StartAsync();
        var created = await PutAsync(host, "erp", "https://hooks.acme.test/in", ["ticket.created", "sla.breached"], HttpStatusCode.Created);
        Assert.Equal((true, "whsec_…LaSw"), (created["secretSet"]!.GetValue<bool>(), created["secretHint"]!.GetValue<string>()));
        await PutAsync(host, "erp", "https://hooks.acme.test/v2", ["incident.opened"], HttpStatusCode.OK);

        var list = await host.Manager().GetStringAsync(new Uri("/api/webhooks", UriKind.Relative));
        Assert.DoesNotContain(Secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret["whsec_".Length..], list, StringComparison.Ordinal);
        var item = Assert.Single(JsonNode.Parse(list)!["items"]!.AsArray())!;
        Assert.Equal(("erp", "https://hooks.acme.test/v2", "incident.opened"), (item["name"]!.GetValue<string>(), item["url"]!.GetValue<string>(), item["events"]![0]!.GetValue<string>()));
        Assert.Empty(await DeliveriesAsync(host, "erp"));
        var one = await host.Manager().GetStringAsync(new Uri("/api/webhooks/erp", UriKind.Relative));
        Assert.DoesNotContain(Secret["whsec_".Length..], one, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(one)!["secretSet"]!.GetValue<bool>());

        using var agent = await host.Agent().GetAsync(new Uri("/api/webhooks", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        using var deleted = await host.Manager().DeleteAsync(new Uri("/api/webhooks/erp", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await host.Manager().DeleteAsync(new Uri("/api/webhooks/erp", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var log = await host.Manager().GetAsync(new Uri("/api/webhooks/erp/deliveries", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        using var gone = await host.Manager().GetAsync(new Uri("/api/webhooks/erp", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":["ticket.created"],"secret":"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", "secret")]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":["ticket.created"],"secret":"whsec_c2hvcnQ="}""", "secret")]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":["ticket.created"]}""", "secret")]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":["ticket.closed"],"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", "events")]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":[],"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", "events")]
    [InlineData("""{"url":"ftp://hooks.acme.test/in","events":["ticket.created"],"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", "url")]
    [InlineData("""{"url":"https://hooks.acme.test/in","events":["ticket.created"],"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","active":true}""", "active")]
    public async Task Bad_bodies_are_400_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        await using var host = await StartAsync();

        var problem = await RefusedAsync(host, "bad", body);

        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await ListAsync(host))["items"]!.AsArray());
    }

    [Fact]
    public async Task As_in_azure_a_put_to_a_private_or_loopback_target_or_over_http_is_refused_naming_url()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => Task.CompletedTask);
        await using var host = await StartAsync(new() { ["Webhooks:AllowPrivateTargets"] = "false", ["Webhooks:RequireHttps"] = "true" });

        foreach (var url in new[] { receiver.Url("/in"), "https://127.0.0.1/in", "https://localhost/in", "https://169.254.169.254/latest", "https://[::1]/in", "https://10.1.2.3/in" })
        {
            var problem = await RefusedAsync(host, "internal", $$"""{"url":"{{url}}","events":["ticket.created"],"secret":"{{Secret}}"}""");
            Assert.True(problem["errors"]!.AsObject().ContainsKey("url"), $"{url}: {problem.ToJsonString()}");
        }

        Assert.Empty((await ListAsync(host))["items"]!.AsArray());
    }

    [Fact]
    public async Task The_delivery_client_refuses_to_connect_to_a_loopback_address_when_private_targets_are_off()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => Task.CompletedTask);
        var guard = new WebhookTargetGuard(Options.Create(new WebhookOptions { AllowPrivateTargets = false }));
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync });

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(receiver.Url("/in")), new StringContent("{}")));

        Assert.IsType<WebhookTargetRefusedException>(failure.InnerException);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task With_a_secret_key_the_table_never_holds_the_secret_deliveries_still_verify_and_a_changed_key_is_named_not_signed_with()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var table = "webhooks" + Guid.NewGuid().ToString("N")[..12];
        await using (var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?> { ["Webhooks:TableName"] = table, ["Webhooks:SecretKey"] = NewKey() }))
        {
            await PutAsync(host, "crm", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.Created);
            var row = (await azurite.CreateServiceClient().GetTableClient(table).GetEntityAsync<Azure.Data.Tables.TableEntity>("hooks", "crm")).Value;
            Assert.StartsWith("enc1:", row.GetString("Secret"), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret["whsec_".Length..][..8], row.GetString("Secret"), StringComparison.Ordinal);

            await (await Desk.OpenAsync(host)).OpenTicketAsync();
            await host.MessagesSettledAsync();
            var request = Assert.Single(receiver.Requests);
            Assert.True(StandardWebhooksVerifier.Verify(Secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"],
                request.Body, host.Clock.GetUtcNow()), "a delivery under an encrypted secret does not verify");
        }

        // The same table under another key (a key rotated without re-registering): nothing is signed with a wrong key.
        await using (var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?> { ["Webhooks:TableName"] = table, ["Webhooks:SecretKey"] = NewKey() }))
        {
            var shown = JsonNode.Parse(await host.Manager().GetStringAsync(new Uri("/api/webhooks/crm", UriKind.Relative)))!;
            Assert.Equal((false, ""), (shown["secretSet"]!.GetValue<bool>(), shown["secretHint"]!.GetValue<string>()));

            await (await Desk.OpenAsync(host)).OpenTicketAsync();
            await host.MessagesSettledAsync();
            Assert.Single(receiver.Requests);
            // Both hosts' clocks start at the same instant, so the log's order cannot tell the two attempts apart.
            var attempt = Assert.Single(await DeliveriesAsync(host, "crm"), d => d["status"]!.GetValue<string>() != "delivered");
            Assert.Equal("The stored secret was encrypted under another Webhooks__SecretKey: PUT the webhook again with its secret.", attempt["error"]!.GetValue<string>());

            // Registering it again stores it under the current key, and deliveries resume.
            await PutAsync(host, "crm", receiver.Url("/in"), ["ticket.created"], HttpStatusCode.OK);
            await (await Desk.OpenAsync(host)).OpenTicketAsync();
            await host.MessagesSettledAsync();
            Assert.Equal(2, receiver.Requests.Count);
        }
    }

    private static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(WebhookSecretProtector.KeyBytes));

    private Task<Infrastructure.LocalHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Webhooks:TableName"] = "webhooks" + Guid.NewGuid().ToString("N")[..12];
        return Infrastructure.LocalHost.StartAsync(azurite, settings);
    }

    /// <summary>Sends to the topic as the ticket outbox does.</summary>
    private static Task PublishAsync(Infrastructure.LocalHost host, string type, string eventId, object data) =>
        host.Services.GetRequiredService<IMessageSender>().SendAsync("helpdesk-events", TicketOutbox.ToMessage(new HelpdeskEvent(
            type, 1, "IFP-9001", eventId, host.Clock.GetUtcNow(), JsonSerializer.SerializeToElement(data, data.GetType(), HelpdeskJson.Options))), CancellationToken.None);

    private static async Task<JsonObject> PutAsync(Infrastructure.LocalHost host, string name, string url, string[] events, HttpStatusCode expected)
    {
        using var response = await host.Manager().PutAsJsonAsync(new Uri($"/api/webhooks/{name}", UriKind.Relative), new { url, events, secret = Secret });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> RefusedAsync(Infrastructure.LocalHost host, string name, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Manager().PutAsync(new Uri($"/api/webhooks/{name}", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> ListAsync(Infrastructure.LocalHost host) =>
        JsonNode.Parse(await host.Manager().GetStringAsync(new Uri("/api/webhooks", UriKind.Relative)))!.AsObject();

    private static async Task<IReadOnlyList<JsonNode>> DeliveriesAsync(Infrastructure.LocalHost host, string name) =>
        [.. JsonNode.Parse(await host.Manager().GetStringAsync(new Uri($"/api/webhooks/{name}/deliveries", UriKind.Relative)))!["items"]!.AsArray().Select(n => n!)];
}
