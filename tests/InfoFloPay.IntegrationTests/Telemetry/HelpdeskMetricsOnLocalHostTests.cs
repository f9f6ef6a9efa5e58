using System.Net;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Paging;
using InfoFloPay.IntegrationTests.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Telemetry;

/// <summary>
/// The desk's counters and log scopes on the local host (Azurite, the in-process bus, the outbox, a fake clock): an urgent
/// ticket counts as opened (channel, tier, priority) and as a page; left unanswered past a minute-long SLA, the sweep
/// counts a warning and a breach; every line logged while the ticket is handled carries its TicketId scope.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class HelpdeskMetricsOnLocalHostTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _policyFile = Path.Combine(Path.GetTempPath(), $"sla-policy-minutes-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Opening_an_urgent_ticket_and_breaching_its_sla_count_opened_page_warning_and_breach_with_their_tags()
    {
        await File.WriteAllTextAsync(_policyFile, SlaEscalationOnLocalHostTests.MinuteLongPolicy());
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, new Dictionary<string, string?> { ["Sla:PolicyFile"] = _policyFile });
        using var recorded = new RecordedMeasurements(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        await PagingOnLocalHostTests.OpenUrgentAsync(host);

        var opened = Assert.Single(recorded.Of(HelpdeskMetrics.TicketsOpened));
        Assert.Equal(("api", "essentials", "urgent"), (opened["channel"], opened["tier"], opened["priority"]));
        var page = Assert.Single(recorded.Of(HelpdeskMetrics.Pages));
        Assert.Equal("ticket.created", page["event"]);
        Assert.Empty(recorded.Of(HelpdeskMetrics.SlaBreaches));

        // Past the warning (a minute before due), then past the due instant: one sweep each.
        host.Clock.Advance(TimeSpan.FromSeconds(90));
        await SweepAsync(host);
        Assert.Contains(recorded.Of(HelpdeskMetrics.SlaWarnings), warning => Equals(warning["target"], "first-response"));
        Assert.Empty(recorded.Of(HelpdeskMetrics.SlaBreaches));

        host.Clock.Advance(TimeSpan.FromSeconds(90));
        await SweepAsync(host);

        await host.MessagesSettledAsync();
        var breach = Assert.Single(recorded.Of(HelpdeskMetrics.SlaBreaches));
        Assert.Equal(("first-response", "essentials", "urgent"), (breach["target"], breach["tier"], breach["priority"]));
        Assert.Single(recorded.Of(HelpdeskMetrics.TicketsOpened));
    }

    [Fact]
    public async Task Lines_logged_while_a_ticket_is_opened_and_paged_carry_its_ticket_id_scope()
    {
        var logs = new ScopedLogCapture();
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

        var id = await PagingOnLocalHostTests.OpenUrgentAsync(host);

        var opened = Assert.Single(logs.Entries, e => e.Message.StartsWith($"Ticket {id} opened", StringComparison.Ordinal));
        Assert.Equal(id, opened.Scope(TicketLogScope.Key));
        // The outbox pager's line names no ticket itself: the TicketId comes from the dispatcher's scope.
        var paged = Assert.Single(logs.Entries, e => e.Message.StartsWith("Page to ", StringComparison.Ordinal));
        Assert.Equal(id, paged.Scope(TicketLogScope.Key));
    }

    public void Dispose() => File.Delete(_policyFile);

    private static async Task SweepAsync(Infrastructure.LocalHost host)
    {
        using (var sweep = await host.Anonymous().PostAsync(new Uri("/admin/functions/SweepSla", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, sweep.StatusCode);
        }

        await host.MessagesSettledAsync();
    }
}
