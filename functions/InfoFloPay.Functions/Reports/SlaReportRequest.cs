using System.Globalization;
using InfoFloPay.Functions.Api;

namespace InfoFloPay.Functions.Reports;

/// <summary>
/// The query of <c>GET /api/reports/sla</c>: <c>from</c> and <c>to</c> are Eastern (America/New_York) calendar days,
/// <c>yyyy-MM-dd</c>, both included; a ticket counts on the Eastern day it was created. At most
/// <see cref="MaxDays"/> days.
/// </summary>
public sealed record SlaReportRequest(string? From, string? To)
{
    public const int MaxDays = 366;

    public (DateOnly From, DateOnly To) Parse()
    {
        var from = Day("from", From);
        var to = Day("to", To);
        if (to < from)
        {
            throw ApiProblemException.BadRequest("to", $"to ({To}) is before from ({From}).");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw ApiProblemException.BadRequest("to", $"A report covers at most {MaxDays} days; from {From} to {To} is {to.DayNumber - from.DayNumber + 1}.");
        }

        return (from, to);
    }

    private static DateOnly Day(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiProblemException.BadRequest(name, $"{name} is required: an Eastern calendar day, yyyy-MM-dd.");
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw ApiProblemException.BadRequest(name, $"{name} must be an Eastern calendar day, yyyy-MM-dd; got '{text}'.");
    }
}
