using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Reports;

/// <summary>
/// The SLA report from the tickets' report rows (<see cref="SlaReportRows"/>): one RowKey range over the requested
/// Eastern days, a few small columns per ticket created in them, summed here. It never reads a ticket.
/// </summary>
public sealed class SlaReport(EnsuredTable tickets, ILogger<SlaReport> logger)
{
    public const string TimeZone = "America/New_York";

    public async Task<SlaReportResponse> BuildAsync(SlaReportRequest request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Only support staff read the SLA report.");
        }

        var (from, to) = request.Parse();
        var entries = await ReadAsync(from, to, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("SLA report {From} to {To} summed {Rows} ticket rows", from, to, entries.Count);
        return Summarize(from, to, entries);
    }

    /// <summary>Every report row of the tickets created on the Eastern days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<SlaReportEntry>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var client = await tickets.GetAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TicketKeys.Partition} and RowKey ge {SlaReportRows.DayStart(from)} and RowKey lt {SlaReportRows.DayStart(to.AddDays(1))}");
        var entries = new List<SlaReportEntry>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: SlaReportRows.Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(SlaReportRows.Read(row));
        }

        return entries;
    }

    /// <summary>The report from per-ticket entries; every tier × priority has a row.</summary>
    public static SlaReportResponse Summarize(DateOnly from, DateOnly to, IEnumerable<SlaReportEntry> entries)
    {
        var byRow = entries.ToLookup(e => (e.Tier, e.Priority));
        var rows = SlaPolicy.AllRows()
            .Select(row => (Tier: EnumText.Of(row.Tier), Priority: EnumText.Of(row.Priority)))
            .Select(row =>
            {
                var cell = byRow[(row.Tier, row.Priority)].ToList();
                var seconds = cell.Where(e => e.FirstResponseSeconds is not null).Select(e => e.FirstResponseSeconds!.Value).Order().ToList();
                return new SlaReportRowResponse(
                    row.Tier,
                    row.Priority,
                    cell.Count,
                    cell.Count(e => e.FirstResponse == SlaOutcome.Met),
                    cell.Count(e => e.FirstResponse == SlaOutcome.Breached),
                    cell.Count(e => e.Resolution == SlaOutcome.Met),
                    cell.Count(e => e.Resolution == SlaOutcome.Breached),
                    NearestRank(seconds, 0.5),
                    NearestRank(seconds, 0.9));
            })
            .ToList();
        return new SlaReportResponse(SlaReportRows.Day(from), SlaReportRows.Day(to), TimeZone, rows);
    }

    /// <summary>The nearest-rank percentile of sorted seconds, in minutes to one decimal; null for none.</summary>
    public static double? NearestRank(IReadOnlyList<long> sortedSeconds, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sortedSeconds);
        if (sortedSeconds.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile * sortedSeconds.Count);
        return Math.Round(sortedSeconds[Math.Max(rank, 1) - 1] / 60.0, 1);
    }
}
