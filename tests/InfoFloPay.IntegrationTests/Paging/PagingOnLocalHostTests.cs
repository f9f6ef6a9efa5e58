using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Paging;

/// <summary>
/// Paging on the local host (Azurite, the in-process bus, the outbox, a fake clock): the first page carries a signed
/// one-click link that only a POST from its confirmation page uses; nobody acknowledging pages each escalation step
/// once and then the whole team; an acknowledgement stops it.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed partial class PagingOnLocalHostTests(AzuriteFixture azurite)
{
    private const string ManagerPager = "olivia.pager@infoflopay.example";
    private const string Deputy = "deputy@infoflopay.example";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Paging:SigningKey"] = "a-local-test-signing-key-of-32-characters",
        ["Paging:Escalation:1:Email"] = Deputy,
    };

    [Fact]
    public async Task The_pages_link_confirms_on_get_acknowledges_on_post_once_and_refuses_altered_and_expired_links()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, Settings);
        var id = await OpenUrgentAsync(host);
        var pagedAt = host.Clock.GetUtcNow();
        var paging = (await TicketAsync(host, id))["paging"]!;
        Assert.Equal((pagedAt, pagedAt.AddMinutes(15), 0), (paging["pagedAt"]!.GetValue<DateTimeOffset>(), paging["nextEscalationAt"]!.GetValue<DateTimeOffset>(), paging["escalationStep"]!.GetValue<int>()));
        Assert.Null(paging["acknowledgedAt"]);
        var link = Assert.Single(LinksTo(host, id, ManagerPager));

        // A mail scanner fetching the link only sees the confirmation page.
        using (var confirm = await host.Anonymous().GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Equal("text/html", confirm.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<form method=\"post\">", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await TicketAsync(host, id))["paging"]!["acknowledgedAt"]);

        var altered = link.Replace("/acknowledge/", "/acknowledge/x", StringComparison.Ordinal);
        using (var refused = await host.Anonymous().PostAsync(altered, null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not valid", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await TicketAsync(host, id))["paging"]!["acknowledgedAt"]);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var acknowledged = await host.Anonymous().PostAsync(link, null))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            Assert.Contains("acknowledged", await acknowledged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        paging = (await TicketAsync(host, id))["paging"]!;
        Assert.Equal(
            (pagedAt.AddMinutes(2), "olivia.ops@infoflopay.example", "link"),
            (paging["acknowledgedAt"]!.GetValue<DateTimeOffset>(), paging["acknowledgedBy"]!.GetValue<string>(), paging["acknowledgedVia"]!.GetValue<string>()));
        var events = (await host.Agent().GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}/events", UriKind.Relative)))!["items"]!.AsArray();
        Assert.Equal("link", Assert.Single(events, e => e!["kind"]!.GetValue<string>() == "acknowledged")!["channel"]!.GetValue<string>());

        using (var replayed = await host.Anonymous().PostAsync(link, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
            Assert.Contains("already acknowledged", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        host.Clock.Advance(TimeSpan.FromHours(25));
        using var expired = await host.Anonymous().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task Unacknowledged_each_step_is_paged_once_then_the_whole_team_and_an_acknowledged_page_pages_nobody_else()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, Settings);
        var unacknowledged = await OpenUrgentAsync(host);
        var acknowledged = await OpenUrgentAsync(host);
        using (var ack = await host.Agent().PostAsync(new Uri($"/api/tickets/{acknowledged}/acknowledge", UriKind.Relative), Json("{}")))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            var paging = (await ack.Content.ReadFromJsonAsync<JsonObject>())!["paging"]!;
            Assert.Equal(("ava.agent@infoflopay.example", "console"), (paging["acknowledgedBy"]!.GetValue<string>(), paging["acknowledgedVia"]!.GetValue<string>()));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(14));
        await SweepAsync(host);
        Assert.Empty(LinksTo(host, unacknowledged, Deputy));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(host);
        await SweepAsync(host);
        var step1 = (await TicketAsync(host, unacknowledged))["paging"]!;
        Assert.Equal((1, host.Clock.GetUtcNow().AddMinutes(15)), (step1["escalationStep"]!.GetValue<int>(), step1["nextEscalationAt"]!.GetValue<DateTimeOffset>()));
        Assert.Single(LinksTo(host, unacknowledged, Deputy));

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await SweepAsync(host);
        Assert.Single(LinksTo(host, unacknowledged, "ava.agent@infoflopay.example"));
        Assert.Single(LinksTo(host, unacknowledged, "ben.agent@infoflopay.example"));
        Assert.Null((await TicketAsync(host, unacknowledged))["paging"]!["nextEscalationAt"]);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(host);
        Assert.Equal(4, host.Outbox.Entries.Count(entry => entry.TicketId == unacknowledged && entry.Subject.Contains("URGENT", StringComparison.Ordinal) && entry.Body.Contains("/api/acknowledge/", StringComparison.Ordinal)));
        Assert.Single(host.Outbox.Entries, entry => entry.TicketId == acknowledged && entry.Body.Contains("/api/acknowledge/", StringComparison.Ordinal));
        var events = (await host.Agent().GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{unacknowledged}/events", UriKind.Relative)))!["items"]!.AsArray();
        Assert.Equal(2, events.Count(e => e!["kind"]!.GetValue<string>() == "escalated"));
    }

    [Fact]
    public async Task A_staff_public_reply_acknowledges_the_page()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, Settings);
        var id = await OpenUrgentAsync(host);

        using (var reply = await host.Agent("ben.agent@infoflopay.example").PostAsync(new Uri($"/api/tickets/{id}/replies", UriKind.Relative), Json("""{"body":"On it."}""")))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var paging = (await TicketAsync(host, id))["paging"]!;
        Assert.Equal(("ben.agent@infoflopay.example", "reply"), (paging["acknowledgedBy"]!.GetValue<string>(), paging["acknowledgedVia"]!.GetValue<string>()));
        host.Clock.Advance(TimeSpan.FromMinutes(16));
        await SweepAsync(host);
        Assert.Empty(LinksTo(host, id, Deputy));
    }

    /// <summary>An agent opens an urgent ticket (so the Operations Manager is paged) and the bus settles; its id.</summary>
    internal static async Task<string> OpenUrgentAsync(Infrastructure.LocalHost host)
    {
        using var created = await host.Agent().PostAsync(new Uri("/api/tickets", UriKind.Relative),
            Json("""{"subject":"Payouts down","description":"Every payout returns 502.","priority":"urgent"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await host.MessagesSettledAsync();
        return id;
    }

    private static async Task SweepAsync(Infrastructure.LocalHost host)
    {
        using (var sweep = await host.Anonymous().PostAsync(new Uri("/admin/functions/SweepSla", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, sweep.StatusCode);
        }

        await host.MessagesSettledAsync();
    }

    private static async Task<JsonObject> TicketAsync(Infrastructure.LocalHost host, string id) =>
        (await host.Agent().GetFromJsonAsync<JsonObject>(new Uri($"/api/tickets/{id}", UriKind.Relative)))!;

    /// <summary>The acknowledgement links (as local paths) of the pages sent to <paramref name="to"/> about ticket <paramref name="id"/>.</summary>
    private static List<string> LinksTo(Infrastructure.LocalHost host, string id, string to) =>
        [.. host.Outbox.Entries
            .Where(entry => entry.TicketId == id && entry.To.Contains(to, StringComparer.OrdinalIgnoreCase))
            .Select(entry => AcknowledgeLink().Match(entry.Body))
            .Where(match => match.Success)
            .Select(match => match.Groups["path"].Value)];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/api/acknowledge/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex AcknowledgeLink();
}
