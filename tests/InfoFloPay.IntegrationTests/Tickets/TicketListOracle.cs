using System.Text.Json;
using Azure.Data.Tables;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>
/// Lists recomputed by brute force from every stored ticket row, with the rules written out afresh (not the store's
/// plan), so a list served from the index rows can be checked against what it should show.
/// </summary>
internal static class TicketListOracle
{
    public static async Task<List<Ticket>> AllTicketsAsync(TableClient table)
    {
        var tickets = new List<Ticket>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == "desk"))
        {
            if (row.RowKey.StartsWith("ticket|", StringComparison.Ordinal))
            {
                tickets.Add(JsonSerializer.Deserialize<Ticket>(row.GetString("Doc"), HelpdeskJson.Options)!);
            }
        }

        return tickets;
    }

    public static Ticket FromRow(TableEntity row) => JsonSerializer.Deserialize<Ticket>(row.GetString("Doc"), HelpdeskJson.Options)! with { Description = row.GetString("Description") ?? string.Empty };

    /// <summary>The ids a list should show, in order: newest created first, except that resolved and closed tickets (the
    /// closed group, and resolved alone) are newest closed first; SLA lists hold open tickets only, newest created first.</summary>
    public static List<string> Expect(IEnumerable<Ticket> tickets, string? status, string? assignee, string? priority, string? customerId, string? sla)
    {
        var closedOrder = sla is null && status is "closed" or "resolved";
        var open = new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending };
        return [.. tickets
            .Where(t => status switch
            {
                null or "all" => true,
                "open" => open.Contains(t.Status),
                "closed" => !open.Contains(t.Status),
                _ => t.Status.ToString().Equals(status, StringComparison.OrdinalIgnoreCase),
            })
            .Where(t => assignee is null || (assignee == "none" ? t.Assignee is null : string.Equals(t.Assignee, assignee, StringComparison.OrdinalIgnoreCase)))
            .Where(t => priority is null || t.Priority.ToString().Equals(priority, StringComparison.OrdinalIgnoreCase))
            .Where(t => customerId is null || t.CustomerId == customerId)
            .Where(t => sla is null || (open.Contains(t.Status) && (sla == "breached" ? t.Sla.Breaches.Count > 0 : t.Sla.Breaches.Count == 0 && WarnedAndRunning(t))))
            .OrderByDescending(t => closedOrder ? t.ClosedAt ?? t.ResolvedAt ?? t.UpdatedAt : t.CreatedAt)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id)];
    }

    // At risk: a warning went out for the first response still awaited, or for the resolution clock of this opening.
    private static bool WarnedAndRunning(Ticket t) =>
        (t.FirstRespondedAt is null && t.SentSlaNotices.Contains("firstResponse:warning"))
        || t.SentSlaNotices.Any(key => key.EndsWith(":warning", StringComparison.Ordinal) && key.StartsWith("resolution", StringComparison.Ordinal)
            && key == (t.ReopenedAt is { } at && at > t.CreatedAt ? $"resolution@{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}:warning" : "resolution:warning"));
}
