using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Tickets;

/// <summary>The query string of <c>GET /api/tickets</c> as sent.</summary>
public sealed record TicketListRequest(
    string? Status,
    string? Assignee,
    string? Priority,
    string? CustomerId,
    string? ClosedSince,
    string? Top,
    string? ContinuationToken,
    string? Sla = null,
    string? Q = null)
{
    /// <summary>The longest <c>q</c> accepted: a ticket id or a few subject words.</summary>
    public const int MaxSearchLength = 200;

    public const int DefaultTop = 25;

    public const int MaxTop = 100;

    /// <summary>The <c>assignee</c> value that lists tickets assigned to nobody.</summary>
    public const string Unassigned = "none";

    /// <summary>Checks the parameters and scopes the list: a customer always lists its own account only.</summary>
    public TicketListQuery ToQuery(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            if (caller.CustomerId is null)
            {
                throw RequestRejectedException.Forbidden("Your email is not registered with a customer account.");
            }

            if (CustomerId is not null && CustomerId != caller.CustomerId)
            {
                throw RequestRejectedException.Forbidden("A customer user lists its own account's tickets only.");
            }
        }

        var errors = new ValidationErrors();
        var status = errors.Enum<TicketListStatus>("status", Status, required: false);
        var priority = errors.Enum<TicketPriority>("priority", Priority, required: false);
        if (CustomerId is not null && !CustomerIds.IsValid(CustomerId))
        {
            errors.Add("customerId", CustomerIds.Rule);
        }

        DateTimeOffset? closedSince = null;
        if (ClosedSince is not null)
        {
            if (DateTimeOffset.TryParse(ClosedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                closedSince = since;
            }
            else
            {
                errors.Add("closedSince", "closedSince must be an ISO-8601 time, e.g. 2026-11-26T14:03:00Z.");
            }

            if (status is not null and not TicketListStatus.Closed)
            {
                errors.Add("closedSince", "closedSince applies to status=closed only.");
            }
        }

        TicketSlaStanding? sla = Sla switch
        {
            null => null,
            "at-risk" => TicketSlaStanding.AtRisk,
            "breached" => TicketSlaStanding.Breached,
            _ => null,
        };
        if (Sla is not null && sla is null)
        {
            errors.Add("sla", $"'{Sla}' is not a valid sla; expected one of: at-risk, breached.");
        }

        var search = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            errors.Add("q", $"q must be at most {MaxSearchLength} characters.");
        }

        var assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim().ToLowerInvariant();
        var top = ReadTop(Top, errors);
        errors.ThrowIfAny();
        return new TicketListQuery(
            caller.IsStaff ? CustomerId : caller.CustomerId,
            closedSince is not null ? TicketListStatus.Closed : status ?? TicketListStatus.All,
            assignee == Unassigned ? string.Empty : assignee,
            priority,
            closedSince,
            top,
            ContinuationToken)
        {
            Sla = sla ?? TicketSlaStanding.None,
            Search = search,
        };
    }

    /// <summary>A page size from the query string (default 25, 1–100); anything else → 400 naming <c>top</c>.</summary>
    public static int ParseTop(string? top)
    {
        var errors = new ValidationErrors();
        var value = ReadTop(top, errors);
        errors.ThrowIfAny();
        return value;
    }

    private static int ReadTop(string? text, ValidationErrors errors)
    {
        var top = DefaultTop;
        if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxTop))
        {
            errors.Add("top", $"top must be a whole number from 1 to {MaxTop}.");
        }

        return top;
    }
}
