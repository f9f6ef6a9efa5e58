using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Reports;
using InfoFloPay.Functions.Sla;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoFloPay.IntegrationTests.Reports;

/// <summary>
/// The SLA report on Azurite with the shipped policy and a fake clock: tickets across tiers and priorities are opened,
/// triaged, answered and resolved (some in time, some late, one breached by the sweep), then the report — summed from the
/// report rows the tickets' own batches wrote — is checked by hand for a few cells and against a recomputation from
/// every ticket's own SLA state for all of them.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class SlaReportTests(AzuriteFixture azurite) : IDisposable
{
    // Tuesday 24 November 2026, 09:00 in New York; Thursday the 26th is Thanksgiving.
    private static readonly DateTimeOffset Start = TicketDesk.Start;
    private static readonly DateOnly November24 = new(2026, 11, 24);
    private static readonly DateOnly November30 = new(2026, 11, 30);
    private static readonly DateOnly December1 = new(2026, 12, 1);

    private readonly TicketDesk _desk = TicketDesk.WithShippedSla(azurite);
    private readonly List<string> _opened = [];

    private SlaReport Report => new(new EnsuredTable(_desk.TicketsTable), NullLogger<SlaReport>.Instance);

    [Fact]
    public async Task The_report_counts_met_and_breached_targets_and_first_response_times_per_tier_and_priority()
    {
        await SeedAsync();

        var report = await Report.BuildAsync(new SlaReportRequest("2026-11-24", "2026-11-30"), TicketDesk.Agent, CancellationToken.None);

        Assert.Equal(("2026-11-24", "2026-11-30", "America/New_York", 12), (report.From, report.To, report.TimeZone, report.Rows.Count));
        // Replied after 2 h (met) and 5 h (late: breached), and one triaged up from low that the sweep breached.
        Assert.Equal(new SlaReportRowResponse("essentials", "high", 3, 1, 2, 0, 0, 120, 300), Row(report, "essentials", "high"));
        // Replied after an hour; resolution 48 business hours, resolved a working day late.
        Assert.Equal(new SlaReportRowResponse("essentials", "medium", 1, 1, 0, 0, 1, 60, 60), Row(report, "essentials", "medium"));
        // Created 23:30 Eastern on Monday 30 November (04:30 UTC on 1 December): it counts on the 30th.
        Assert.Equal(new SlaReportRowResponse("essentials", "low", 1, 0, 0, 0, 0, null, null), Row(report, "essentials", "low"));
        Assert.Equal(new SlaReportRowResponse("vip", "medium", 1, 1, 0, 1, 0, 60, 60), Row(report, "vip", "medium"));
        // 30 minutes round the clock: the sweep breached it at 09:30, the reply at 11:00 is two hours in.
        Assert.Equal(new SlaReportRowResponse("vip", "urgent", 1, 0, 1, 0, 0, 120, 120), Row(report, "vip", "urgent"));
        // Resolved without a public reply before it was due: neither met nor breached, and no time to first response.
        Assert.Equal(new SlaReportRowResponse("reserve", "low", 1, 0, 0, 0, 0, null, null), Row(report, "reserve", "low"));
        Assert.Equal(0, report.Rows.Where(r => (r.Tier, r.Priority) is not (("essentials", "high") or ("essentials", "medium") or ("essentials", "low") or ("vip", "medium") or ("vip", "urgent") or ("reserve", "low"))).Sum(r => r.Tickets));

        var december = await Report.BuildAsync(new SlaReportRequest("2026-12-01", "2026-12-01"), TicketDesk.Agent, CancellationToken.None);
        Assert.Equal(1, december.Rows.Sum(r => r.Tickets));
        Assert.Equal(1, Row(december, "reserve", "high").Tickets);
    }

    [Fact]
    public async Task The_report_equals_one_recomputed_from_every_tickets_own_sla_state()
    {
        await SeedAsync();

        foreach (var (from, to) in new[] { (November24, November30), (December1, December1), (November24, December1), (November30, November30) })
        {
            var report = await Report.BuildAsync(new SlaReportRequest(Day(from), Day(to)), TicketDesk.Manager, CancellationToken.None);
            var recomputed = await RecomputeAsync(from, to);
            Assert.Equal(JsonSerializer.Serialize(recomputed, HelpdeskJson.Options), JsonSerializer.Serialize(report, HelpdeskJson.Options));
        }
    }

    [Fact]
    public async Task Tickets_of_one_tier_and_priority_changed_at_the_same_time_all_count()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => _desk.OpenOutageAsync("high", $"Payouts failing {i}")));
        _desk.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.WhenAll(tickets.Select(t => _desk.Service.AddReplyAsync(t.Id, new ReplyRequest("On it.", false), TicketDesk.Agent, null, CancellationToken.None)));

        var report = await Report.BuildAsync(new SlaReportRequest("2026-11-24", "2026-11-24"), TicketDesk.Agent, CancellationToken.None);

        Assert.Equal(new SlaReportRowResponse("essentials", "high", 24, 24, 0, 0, 0, 30, 30), Row(report, "essentials", "high"));
    }

    [Fact]
    public async Task A_customer_may_not_read_the_report()
    {
        var refused = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            Report.BuildAsync(new SlaReportRequest("2026-11-24", "2026-11-24"), TicketDesk.CustomerA, CancellationToken.None));
        Assert.Equal(Rejection.Forbidden, refused.Kind);
    }

    public void Dispose() => _desk.Dispose();

    /// <summary>The scenario: every change at its own instant on the fake clock, in order.</summary>
    private async Task SeedAsync()
    {
        await _desk.RegisterAccountsAsync();
        await _desk.Customers.PutAsync(new CustomerAccount("initech", "Initech", CustomerTier.Reserve, ["initech.test"], []), null, default);

        var fastHigh = await OpenAsync("high");
        var lateHigh = await OpenAsync("high");
        var vipMedium = await OpenAsync("medium", "acme");
        var vipUrgent = await OpenAsync("urgent", "acme");
        var reserveLow = await OpenAsync("low", "initech");
        var lateResolution = await OpenAsync("medium");
        var raised = await OpenAsync("low");

        At(Start.AddMinutes(40));
        await _desk.SweepAsync();
        At(Start.AddHours(1));
        await ReplyAsync(vipMedium);
        await ReplyAsync(lateResolution);
        await TriageAsync(vipMedium, "medium");
        await TriageAsync(reserveLow, "low");
        await TriageAsync(raised, "high");
        await TriageAsync(lateResolution, "medium");
        At(Start.AddHours(2));
        await ReplyAsync(fastHigh);
        await ReplyAsync(vipUrgent);
        At(Start.AddHours(3));
        await ResolveAsync(vipMedium);
        await ResolveAsync(reserveLow);
        At(Start.AddHours(5));
        await ReplyAsync(lateHigh);
        await _desk.SweepAsync();

        // Monday 30 November, 23:30 in New York.
        At(new DateTimeOffset(2026, 12, 1, 4, 30, 0, TimeSpan.Zero));
        await OpenAsync("low");
        At(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        await OpenAsync("high", "initech");

        // Due Wednesday 2 December at 13:00 in New York; resolved on Thursday.
        At(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        await ResolveAsync(lateResolution);
    }

    private void At(DateTimeOffset now) => _desk.Clock.SetUtcNow(now);

    private async Task<string> OpenAsync(string priority, string? customerId = null)
    {
        var request = new NewTicketRequest($"Payouts failing ({priority}, {customerId ?? "no account"})", "Every payout returns 502.", null, customerId, priority, null);
        var ticket = (await _desk.Service.CreateAsync(request, TicketDesk.Agent, TicketChannel.Api, null, CancellationToken.None)).Ticket;
        _opened.Add(ticket.Id);
        return ticket.Id;
    }

    private Task<StoredTicket> ReplyAsync(string id) =>
        _desk.Service.AddReplyAsync(id, new ReplyRequest("We are on it.", false), TicketDesk.Agent, null, CancellationToken.None);

    private Task<StoredTicket> TriageAsync(string id, string priority) =>
        _desk.Service.TriageAsync(id, new TriageRequest(priority, TicketDesk.Agent.Email), TicketDesk.Agent, null, CancellationToken.None);

    private Task<StoredTicket> ResolveAsync(string id) =>
        _desk.Service.ChangeStatusAsync(id, new StatusChangeRequest("resolved", null), TicketDesk.Agent, null, CancellationToken.None);

    /// <summary>The report from the tickets themselves as the API shows them: created day, tier, priority, reply and due
    /// times, breaches; times to first response measured again on the policy's calendars (this scenario has no pauses).</summary>
    private async Task<SlaReportResponse> RecomputeAsync(DateOnly from, DateOnly to)
    {
        var policy = SlaPolicyLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile)));
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var tickets = new List<Ticket>();
        foreach (var id in _opened)
        {
            var ticket = await _desk.GetAsync(id);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ticket.CreatedAt, eastern).DateTime);
            if (day >= from && day <= to)
            {
                tickets.Add(ticket);
            }
        }

        var rows = new List<SlaReportRowResponse>();
        foreach (var tier in new[] { "essentials", "reserve", "vip" })
        {
            foreach (var priority in new[] { "urgent", "high", "medium", "low" })
            {
                var cell = tickets.Where(t => t.Sla.Tier == tier && EnumText.Of(t.Priority) == priority).ToList();
                var targets = policy.TargetsFor(Enum.Parse<SlaTier>(tier, ignoreCase: true), Enum.Parse<SlaPriority>(priority, ignoreCase: true));
                var calendar = policy.CalendarFor(targets.Calendar);
                var minutes = cell
                    .Where(t => t.FirstRespondedAt is not null)
                    .Select(t => Math.Floor(calendar.BusinessTimeBetween(t.CreatedAt, t.FirstRespondedAt!.Value).TotalSeconds) / 60)
                    .Order()
                    .ToList();
                rows.Add(new SlaReportRowResponse(
                    tier,
                    priority,
                    cell.Count,
                    cell.Count(t => t.FirstRespondedAt <= t.Sla.FirstResponseDueAt),
                    cell.Count(t => t.Sla.Breaches.Any(b => b.Target == SlaTargetKind.FirstResponse)),
                    cell.Count(t => t.Status is TicketStatus.Resolved or TicketStatus.Closed && t.ResolvedAt <= t.Sla.ResolutionDueAt),
                    cell.Count(t => t.Sla.Breaches.Any(b => b.Target == SlaTargetKind.Resolution)),
                    Percentile(minutes, 50),
                    Percentile(minutes, 90)));
            }
        }

        return new SlaReportResponse(Day(from), Day(to), "America/New_York", rows);
    }

    // Nearest rank: the smallest value with at least that share of the values at or below it.
    private static double? Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? null : Math.Round(sorted[(sorted.Count * percent + 99) / 100 - 1], 1);

    private static SlaReportRowResponse Row(SlaReportResponse report, string tier, string priority) =>
        Assert.Single(report.Rows, r => r.Tier == tier && r.Priority == priority);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
