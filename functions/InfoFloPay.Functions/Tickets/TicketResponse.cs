using System.Text.Json.Serialization;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Tickets;

/// <summary>A ticket as API.md shows it. List items leave out the description; the fields API.md names stay in the
/// JSON as null when unset (the app's JSON otherwise leaves nulls out), so clients can read them without guessing.</summary>
public sealed record TicketResponse(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CustomerId,
    Requester Requester,
    string Subject,
    string? Description,
    string? Category,
    TicketChannel Channel,
    TicketStatus Status,
    TicketPriority Priority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FirstRespondedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ResolvedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ClosedAt,
    SlaResponse Sla)
{
    /// <summary>Who routing suggests (<c>Routing__Mode=suggest</c>); absent when nobody was suggested.</summary>
    public string? SuggestedAssignee { get; init; }

    /// <summary>The page an urgent ticket set off; absent for a ticket never paged.</summary>
    public PagingResponse? Paging { get; init; }

    public static TicketResponse From(Ticket ticket, bool withDescription = true)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Id, ticket.CustomerId, ticket.Requester, ticket.Subject, withDescription ? ticket.Description : null, ticket.Category,
            ticket.Channel, ticket.Status, ticket.Priority, ticket.Assignee, ticket.CreatedAt, ticket.UpdatedAt, ticket.FirstRespondedAt,
            ticket.ResolvedAt, ticket.ClosedAt,
            new SlaResponse(ticket.Sla.Tier, ticket.Sla.FirstResponseDueAt, ticket.Sla.ResolutionDueAt, ticket.Sla.Paused, ticket.Sla.Breaches)
            {
                Calendar = SlaResponse.CalendarName(ticket.Sla.Calendar),
            })
        {
            SuggestedAssignee = ticket.SuggestedAssignee,
            Paging = PagingResponse.From(ticket.Paging),
        };
    }
}

public sealed record SlaResponse(
    string Tier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FirstResponseDueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ResolutionDueAt,
    bool Paused,
    IReadOnlyList<SlaBreach> Breaches)
{
    /// <summary>What both targets' due times are counted in: <c>business</c> (the business calendar's hours, so a due
    /// time can fall on the next working morning) or <c>24x7</c>, as the policy file names them; absent when unknown.</summary>
    public string? Calendar { get; init; }

    public static string? CalendarName(SlaCalendarKind? calendar) => calendar switch
    {
        SlaCalendarKind.Business => "business",
        SlaCalendarKind.RoundTheClock => "24x7",
        _ => null,
    };
}

/// <summary>A ticket's page as API.md shows it: <see cref="EscalationStep"/> 0 for the first page, N after step N;
/// <see cref="NextEscalationAt"/> null once acknowledged or after the last step.</summary>
public sealed record PagingResponse(
    DateTimeOffset PagedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? AcknowledgedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AcknowledgedBy,
    int EscalationStep,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextEscalationAt)
{
    /// <summary>How it was acknowledged: <c>console</c>, <c>link</c> or <c>reply</c>; absent until then.</summary>
    public string? AcknowledgedVia { get; init; }

    public static PagingResponse? From(TicketPaging? paging) => paging is null ? null
        : new(paging.PagedAt, paging.AcknowledgedAt, paging.AcknowledgedBy, paging.EscalationStep, paging.NextEscalationAt)
        {
            AcknowledgedVia = paging.AcknowledgedVia,
        };
}

public sealed record TicketListResponse(IReadOnlyList<TicketResponse> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
