using System.Globalization;
using System.Text.Json;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Email;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Roster;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Paging;

/// <summary>
/// A crash between send and journal: an escalation step's pages went out (to a PagerDuty webhook and, as email, to an
/// address), then journalling them failed, so Service Bus delivers the <c>ticket.escalated</c> message again. The journal
/// has no row, so the dispatcher sends the step's deliveries again under the same delivery keys
/// (<c>{messageId}/pager/{target}</c>). What keeps it one page each is the delivery-key design downstream: the email is
/// the same ACS operation (its Operation-Id derives from <c>page/{ticket}/{page}/{step}/{address}</c>), which ACS sends
/// once; the webhook gets the same trigger again with the ticket id as <c>dedup_key</c>, which PagerDuty folds into the
/// incident the first one opened (no second incident, nobody notified again). Once journalled, a further delivery sends nothing.
/// </summary>
public sealed class EscalationPageCrashTests : IAsyncLifetime
{
    private const string Deputy = "deputy@infoflopay.example";

    private AcsEmailServer _acs = null!;
    private LoopbackHttpServer _pagerDuty = null!;

    public async Task InitializeAsync()
    {
        _acs = await AcsEmailServer.StartAsync();
        _pagerDuty = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsJsonAsync(new { status = "success", message = "Event processed", dedup_key = "IFP-1042" });
        });
    }

    public async Task DisposeAsync()
    {
        await _pagerDuty.DisposeAsync();
        await _acs.DisposeAsync();
    }

    [Fact]
    public async Task Crash_between_send_and_journal_the_redelivered_step_is_one_email_and_the_same_pagerduty_incident_and_then_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T14:15:00Z", CultureInfo.InvariantCulture));
        var roster = Options.Create(new SupportRosterOptions
        {
            OperationsManager = new SupportPerson { Name = "Olivia Ops", Email = "olivia.ops@infoflopay.example" },
        });
        var composer = new EmailComposer(new NotificationTemplates(), roster);
        var email = new AcsEmailSender(
            Options.Create(new EmailOptions { ConnectionString = _acs.ConnectionString, SenderAddress = "DoNotReply@infoflopay.example", RetryDelay = TimeSpan.FromMilliseconds(10) }),
            clock,
            NullLogger<AcsEmailSender>.Instance);
        var pager = new PagerRouter(
            new PagerDutyPager(Options.Create(new PagingOptions { RoutingKey = "R0UT1NGKEY" }), NullLogger<PagerDutyPager>.Instance),
            new EmailPager(composer, email));
        var journal = new FailingJournal(failures: 2);
        var dispatcher = new NotificationDispatcher(
            new NotificationPlanner(roster), composer, email, pager, journal, new NoTimeline(), clock, NullLogger<NotificationDispatcher>.Instance);
        var webhook = _pagerDuty.Url("v2/enqueue");
        var step1 = new HelpdeskEvent(HelpdeskEventTypes.TicketEscalated, 1, "IFP-1042", "000004", clock.GetUtcNow(), JsonSerializer.SerializeToElement(
            new TicketEscalatedData("Payouts down", "000001", Step: 1, Final: false, [webhook, Deputy], "Every payout returns 502."), HelpdeskJson.Options));

        // Both pages go out; both journal writes fail: the message is retried.
        await Assert.ThrowsAsync<AggregateException>(() => dispatcher.DispatchAsync(step1, CancellationToken.None));
        Assert.Equal((1, 1), (_pagerDuty.Requests.Count, _acs.Requests.Count));

        clock.Advance(TimeSpan.FromSeconds(30));
        await dispatcher.DispatchAsync(step1, CancellationToken.None);
        await dispatcher.DispatchAsync(step1, CancellationToken.None);

        var mails = _acs.Requests.ToArray();
        Assert.Equal(2, mails.Length);
        Assert.Equal(mails[0].Headers["Operation-Id"], mails[1].Headers["Operation-Id"]);
        var delivered = Assert.Single(_acs.Delivered);
        Assert.Equal(Deputy, delivered.Json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());

        var triggers = _pagerDuty.Requests.ToArray();
        Assert.Equal(2, triggers.Length);
        Assert.All(triggers, trigger => Assert.Equal(("trigger", "IFP-1042"), (trigger.Json.GetProperty("event_action").GetString(), trigger.Json.GetProperty("dedup_key").GetString())));
        Assert.Equal(triggers[0].Body, triggers[1].Body);

        Assert.Equal(
            [$"IFP-1042/000004/pager/{Deputy}", $"IFP-1042/000004/pager/{webhook.ToLowerInvariant()}"],
            journal.Records.Where(record => record.Outcome == NotificationOutcome.Sent).Select(record => record.DeliveryKey).Order(StringComparer.Ordinal));
    }

    private sealed class NoTimeline : INotificationTimeline
    {
        public Task RecordAsync(SentNotification sent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
