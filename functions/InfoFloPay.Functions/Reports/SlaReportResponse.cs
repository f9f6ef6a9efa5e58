namespace InfoFloPay.Functions.Reports;

/// <summary>The SLA report: one row for every tier × priority of the policy (zeros where no ticket was created).</summary>
/// <param name="From">The first Eastern day counted, yyyy-MM-dd.</param>
/// <param name="To">The last Eastern day counted, yyyy-MM-dd (included).</param>
/// <param name="TimeZone">The time zone the days are in: America/New_York.</param>
public sealed record SlaReportResponse(string From, string To, string TimeZone, IReadOnlyList<SlaReportRowResponse> Rows);

/// <summary>
/// One tier × priority. Times are working time on the policy row's calendar (business hours, or round the clock for
/// urgent), pauses in pending not counted, in minutes to one decimal; the percentiles are nearest-rank over the tickets
/// that have had a first public staff reply, and null when none has.
/// </summary>
public sealed record SlaReportRowResponse(
    string Tier,
    string Priority,
    int Tickets,
    int FirstResponsesMet,
    int FirstResponsesBreached,
    int ResolutionsMet,
    int ResolutionsBreached,
    double? MedianFirstResponseMinutes,
    double? P90FirstResponseMinutes);
