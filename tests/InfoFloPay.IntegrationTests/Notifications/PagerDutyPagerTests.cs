using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Roster;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Notifications;

public sealed class PagerDutyPagerTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync(context => AnswerAsync(context, 202));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Uri Webhook => new(_server.Url("v2/enqueue"));

    private static async Task AnswerAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status = "success", message = "Event processed", dedup_key = "IFP-1042" });
    }

    private static PagerDutyPager Pager() =>
        new(Options.Create(new PagingOptions { RoutingKey = "R0UT1NGKEY", Source = "helpdesk-test" }), NullLogger<PagerDutyPager>.Instance);

    private static Page UrgentPage => new("ignored", "[IFP-1042] URGENT: Payouts failing", "Every payout returns 502.", "IFP-1042", "IFP-1042");

    [Fact]
    public async Task Posts_a_pagerduty_events_v2_trigger_deduplicated_by_ticket_id()
    {
        await Pager().PageAsync(Webhook, UrgentPage, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v2/enqueue", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        var body = request.Json;
        Assert.Equal("R0UT1NGKEY", body.GetProperty("routing_key").GetString());
        Assert.Equal("trigger", body.GetProperty("event_action").GetString());
        Assert.Equal("IFP-1042", body.GetProperty("dedup_key").GetString());
        var payload = body.GetProperty("payload");
        Assert.Equal("[IFP-1042] URGENT: Payouts failing", payload.GetProperty("summary").GetString());
        Assert.Equal("helpdesk-test", payload.GetProperty("source").GetString());
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("Every payout returns 502.", payload.GetProperty("custom_details").GetProperty("details").GetString());
        Assert.Equal("IFP-1042", payload.GetProperty("custom_details").GetProperty("ticketId").GetString());
    }

    [Fact]
    public async Task A_refused_page_fails_loudly_so_the_message_is_retried()
    {
        _server.AnswerWith(context => AnswerAsync(context, 400));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Pager().PageAsync(Webhook, UrgentPage, CancellationToken.None));
    }

    [Fact]
    public async Task A_summary_longer_than_pagerduty_allows_is_cut_to_fit()
    {
        await Pager().PageAsync(Webhook, UrgentPage with { Summary = new string('x', 500) }, CancellationToken.None);

        Assert.Equal(180, Assert.Single(_server.Requests).Json.GetProperty("payload").GetProperty("summary").GetString()!.Length);
    }

    [Fact]
    public async Task The_router_sends_url_targets_to_the_webhook_and_address_targets_by_email()
    {
        var email = new RecordingEmailSender();
        var roster = Options.Create(new SupportRosterOptions());
        var router = new PagerRouter(Pager(), new EmailPager(new EmailComposer(new NotificationTemplates(), roster), email));

        await router.PageAsync(UrgentPage with { Target = Webhook.ToString() }, CancellationToken.None);
        await router.PageAsync(UrgentPage with { Target = "olivia.pager@infoflopay.example" }, CancellationToken.None);

        Assert.Single(_server.Requests);
        var sent = Assert.Single(email.Sent);
        Assert.Equal("olivia.pager@infoflopay.example", Assert.Single(sent.To).Address);
        Assert.StartsWith("[IFP-1042] ", sent.Subject);
        Assert.Contains("Every payout returns 502.", sent.PlainText);
        await Assert.ThrowsAsync<InvalidOperationException>(() => router.PageAsync(UrgentPage with { Target = "nobody" }, CancellationToken.None));
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
