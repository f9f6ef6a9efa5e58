using System.Text;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// How a list is read: one RowKey range of one index, plus filters on the index rows' columns for what that index does not
/// already mean. With several filters the index is chosen in a fixed order, the one likely to hold the fewest rows first:
/// SLA standing, then assignee, then account, then priority, then status alone. The standing comes first because it is
/// the one filter the other indexes cannot apply: recording a warning or breach moves the ticket's standing row but leaves
/// its other list rows as they were (<see cref="TicketListView"/>). Storage reads the whole chosen range up to a page, so a
/// list costs the rows of that index, not of the desk.
/// </summary>
public sealed record TicketListPlan(string From, string To, string? ColumnFilter, string Index)
{
    public string Filter => TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {From} and RowKey lt {To}")
        + (ColumnFilter is null ? string.Empty : " and " + ColumnFilter);

    public static TicketListPlan For(TicketListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var group = GroupOf(query.Status);
        var filters = new List<string>();

        // The index: each candidate is a prefix that already selects its own filter and the status group.
        string prefix;
        string index;
        var groupApplied = true;
        if (query.Sla != TicketSlaStanding.None)
        {
            // Only open tickets have a standing: its range is the open group by construction.
            prefix = TicketKeys.SlaStandingPrefix(query.Sla);
            index = "sla";
            groupApplied = group is "open" or "all";
        }
        else if (query.Assignee is { } assignee)
        {
            prefix = TicketKeys.AssigneePrefix(assignee, group);
            index = "assignee";
        }
        else if (query.CustomerId is { } customer)
        {
            prefix = TicketKeys.ListPrefix(customer, group);
            index = "account";
        }
        else if (query.Priority is { } priority)
        {
            prefix = TicketKeys.PriorityPrefix(priority, group);
            index = "priority";
        }
        else if (SingleStatus(query.Status) is { } status)
        {
            prefix = TicketKeys.StatusPrefix(status);
            index = "status";
        }
        else
        {
            prefix = TicketKeys.ListPrefix(null, group);
            index = "status";
        }

        if (index != "assignee" && query.Assignee is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Assignee eq {query.Assignee}"));
        }

        if (index != "account" && query.CustomerId is { } scoped)
        {
            filters.Add(TableClient.CreateQueryFilter($"CustomerId eq {scoped}"));
        }

        if (index != "priority" && query.Priority is { } wanted)
        {
            filters.Add(TableClient.CreateQueryFilter($"Priority eq {EnumText.Of(wanted)}"));
        }

        var exactStatus = index == "status" || (groupApplied && SingleStatus(query.Status) is null);
        if (!exactStatus)
        {
            filters.Add(StatusFilter(query.Status));
        }

        // Recently closed: the closed group sorts newest closed first, so "since" is the range's upper end.
        var upper = query.ClosedSince is { } since && group == "closed" && index != "sla"
            ? prefix + StorageKey.NewestFirst(since) + "|" + StorageKey.RangeEnd
            : prefix + StorageKey.RangeEnd;
        return new TicketListPlan(prefix, upper, filters.Count == 0 ? null : string.Join(" and ", filters), index);
    }

    /// <summary>Whether <paramref name="ticket"/> belongs in the list <paramref name="query"/> asks for (search words aside):
    /// what the index range and filters select, for a ticket found by its id instead.</summary>
    public static bool Matches(TicketListQuery query, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ticket);
        var inStatus = query.Status switch
        {
            TicketListStatus.Open => ticket.IsOpen,
            TicketListStatus.Closed => !ticket.IsOpen,
            TicketListStatus.All => true,
            _ => ticket.Status == SingleStatus(query.Status),
        };
        return inStatus
            && (query.Assignee is null || string.Equals(query.Assignee, ticket.Assignee ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            && (query.CustomerId is null || query.CustomerId == ticket.CustomerId)
            && (query.Priority is null || query.Priority == ticket.Priority)
            && (query.Sla == TicketSlaStanding.None || query.Sla == TicketSlaStandings.Of(ticket))
            && (query.ClosedSince is null || (ticket.ClosedGroupSince ?? ticket.UpdatedAt) >= query.ClosedSince);
    }

    /// <summary>The group range a status filter lives in: single statuses are read from their group and filtered.</summary>
    private static string GroupOf(TicketListStatus status) => status switch
    {
        TicketListStatus.Open or TicketListStatus.New or TicketListStatus.Pending => "open",
        TicketListStatus.Closed or TicketListStatus.Resolved => "closed",
        _ => "all",
    };

    private static TicketStatus? SingleStatus(TicketListStatus status) => status switch
    {
        TicketListStatus.New => TicketStatus.New,
        TicketListStatus.Pending => TicketStatus.Pending,
        TicketListStatus.Resolved => TicketStatus.Resolved,
        _ => null,
    };

    private static string StatusFilter(TicketListStatus status)
    {
        IEnumerable<TicketStatus> statuses = SingleStatus(status) is { } single ? [single] : status switch
        {
            TicketListStatus.Open => [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending],
            TicketListStatus.Closed => [TicketStatus.Resolved, TicketStatus.Closed],
            _ => Enum.GetValues<TicketStatus>(),
        };
        var filter = new StringBuilder("(");
        foreach (var s in statuses)
        {
            filter.Append(filter.Length > 1 ? " or " : string.Empty).Append(TableClient.CreateQueryFilter($"Status eq {EnumText.Of(s)}"));
        }

        return filter.Append(')').ToString();
    }
}
