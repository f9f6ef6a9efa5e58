using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Email;
using InfoFloPay.IntegrationTests.Flows;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AcsEmailRequest = InfoFloPay.IntegrationTests.Notifications.AcsEmailRequest;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// The mail of a monitoring incident on the local host, sent through the ACS Email contract server: the Operations
/// Manager gets the incident wording, the contacts of the target's account are told once, and a redelivered
/// <c>ticket.created</c> mails nobody again.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IncidentMailOnLocalHostTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Subscription = "helpdesk-events/subscriptions/notifications";

    private AcsEmailServer _acs = null!;

    public async Task InitializeAsync() => _acs = await AcsEmailServer.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task An_incident_on_an_accounts_heartbeat_mails_the_manager_the_incident_and_each_contact_once()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, configureServices: services =>
        {
            TappedMessageSender.Install(services);
            services.Replace(ServiceDescriptor.Singleton<IEmailSender>(new AcsEmailSender(
                Options.Create(new EmailOptions
                {
                    ConnectionString = _acs.ConnectionString,
                    SenderAddress = "DoNotReply@infoflopay.example",
                    RetryDelay = TimeSpan.FromMilliseconds(10),
                    MaxRetryDelay = TimeSpan.FromSeconds(5),
                }),
                TimeProvider.System,
                NullLogger<AcsEmailSender>.Instance)));
        });
        var manager = host.Manager();
        using var account = await manager.PutAsync(new Uri("/api/customers/acme-mail", UriKind.Relative), new StringContent(
            """{"name":"Acme Payments","tier":"reserve","emailDomains":["acme.test"],"members":["cfo@acme.test","ops@acme.test"]}""",
            Encoding.UTF8, "application/json"));
        Assert.True(account.IsSuccessStatusCode, await account.Content.ReadAsStringAsync());
        using var put = await manager.PutAsJsonAsync(new Uri("/api/monitoring/targets/acme-payouts", UriKind.Relative),
            new { kind = "heartbeat", failureThreshold = 1, graceSeconds = 0, customerId = "acme-mail" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // Issued at 14:00: 14:01 is still in time, 14:02 is the first (and, threshold 1, enough) miss.
        await LocalHostMonitoring.ProbeAsync(host);
        await LocalHostMonitoring.ProbeAsync(host);
        await host.MessagesSettledAsync();

        var toManager = Assert.Single(Delivered("olivia.ops@infoflopay.example"));
        var ticketId = Assert.Single(await IncidentIdsAsync(host.Agent()));
        Assert.Equal($"[{ticketId}] INCIDENT: acme-payouts is down", Subject(toManager));
        Assert.Contains("Monitoring has missed 1 heartbeat check(s) in a row from acme-payouts", PlainText(toManager), StringComparison.Ordinal);
        Assert.Contains($"/api/console/#/ticket/{ticketId}", PlainText(toManager), StringComparison.Ordinal);
        Assert.DoesNotContain("We received your request", Subject(toManager) + PlainText(toManager), StringComparison.Ordinal);
        foreach (var contact in new[] { "cfo@acme.test", "ops@acme.test" })
        {
            var mail = Assert.Single(Delivered(contact));
            Assert.Equal($"[{ticketId}] We are investigating a problem: acme-payouts is down", Subject(mail));
            Assert.Contains("our engineers are already working on it", PlainText(mail), StringComparison.Ordinal);
        }

        // At-least-once delivery: ticket.created again must not mail anyone again.
        var deliveredBefore = _acs.Delivered.Count;
        var created = Assert.Single(host.Services.GetRequiredService<TappedMessageSender>().Sent,
            message => message.MessageId.StartsWith(ticketId + "/", StringComparison.Ordinal) && message.Subject == "ticket.created");
        host.Bus.Redeliver(Subscription, created, deliveryCount: 2);
        await host.MessagesSettledAsync();

        Assert.Equal(deliveredBefore, _acs.Delivered.Count);
        Assert.Single(Delivered("cfo@acme.test"));

        // Further misses of the same outage are notes, not new incidents: no more mail to the account.
        await LocalHostMonitoring.ProbeAsync(host);
        await host.MessagesSettledAsync();
        Assert.Single(Delivered("ops@acme.test"));
    }

    private List<AcsEmailRequest> Delivered(string address) =>
        [.. _acs.Delivered.Where(request => request.Json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString() == address)];

    private static string Subject(AcsEmailRequest request) => request.Json.GetProperty("content").GetProperty("subject").GetString()!;

    private static string PlainText(AcsEmailRequest request) => request.Json.GetProperty("content").GetProperty("plainText").GetString()!;

    private static async Task<List<string>> IncidentIdsAsync(HttpClient staff)
    {
        var page = await staff.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets?status=all&top=100", UriKind.Relative));
        return [.. page!["items"]!.AsArray().Select(item => item!.AsObject())
            .Where(item => item["subject"]!.GetValue<string>() == "acme-payouts is down")
            .Select(item => item["id"]!.GetValue<string>())];
    }
}
