using System.Globalization;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Notifications.Composition;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// A ticket's contribution to the SLA report: one small row per ticket under the Eastern day it was created,
/// <c>rpt|{yyyy-MM-dd}|{ticketId}</c>. It is one of the ticket's index rows (<see cref="TicketKeys.IndexOf"/>), so every
/// change rewrites it in the ticket's own batch, conditional on the ticket's ETag: two tickets never share a row, so no
/// increment can be lost, and the report sums the rows of a day range (docs/sla.md, "SLA report").
/// </summary>
public static class SlaReportRows
{
    public const string Prefix = "rpt|";

    public static string Key(DateOnly easternDay, string ticketId) => DayStart(easternDay) + ticketId;

    /// <summary>The first key of <paramref name="easternDay"/>'s rows; the day after's start closes a range.</summary>
    public static string DayStart(DateOnly easternDay) => $"{Prefix}{Day(easternDay)}|";

    /// <summary>The Eastern (America/New_York) calendar day of an instant, daylight saving included.</summary>
    public static DateOnly EasternDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, EasternTime.Zone).DateTime);

    public static TableEntity Row(string rowKey, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sla = ticket.Sla;
        return new TableEntity(TicketKeys.Partition, rowKey)
        {
            ["TicketId"] = ticket.Id,
            ["Tier"] = sla.Tier,
            ["Priority"] = EnumText.Of(ticket.Priority),
            ["FirstResponse"] = Outcome(sla, SlaTargetKind.FirstResponse, sla.FirstResponseMetAt),
            ["Resolution"] = Outcome(sla, SlaTargetKind.Resolution, sla.ResolutionMetAt),
            ["FirstResponseSeconds"] = sla.FirstResponseBusinessSeconds,
        };
    }

    public static SlaReportEntry Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SlaReportEntry(
            row.GetString("TicketId") ?? string.Empty,
            row.GetString("Tier") ?? string.Empty,
            row.GetString("Priority") ?? string.Empty,
            ParseOutcome(row.GetString("FirstResponse")),
            ParseOutcome(row.GetString("Resolution")),
            row.GetInt64("FirstResponseSeconds"));
    }

    /// <summary>The columns <see cref="Read"/> needs, so a report reads nothing else.</summary>
    public static readonly string[] Columns = ["TicketId", "Tier", "Priority", "FirstResponse", "Resolution", "FirstResponseSeconds"];

    private static string Outcome(TicketSla sla, SlaTargetKind target, DateTimeOffset? metAt) =>
        metAt is not null ? "met" : sla.Breaches.Any(b => b.Target == target) ? "breached" : string.Empty;

    private static SlaOutcome ParseOutcome(string? text) => text switch
    {
        "met" => SlaOutcome.Met,
        "breached" => SlaOutcome.Breached,
        _ => SlaOutcome.None,
    };

    /// <summary>An Eastern day as the keys and the report write it: <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How one SLA target of a ticket stands in the report: met by its due time, breached, or neither (yet).</summary>
public enum SlaOutcome
{
    None,
    Met,
    Breached,
}

/// <summary>One ticket's report row as read back.</summary>
public sealed record SlaReportEntry(string TicketId, string Tier, string Priority, SlaOutcome FirstResponse, SlaOutcome Resolution, long? FirstResponseSeconds);
