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

public sealed record TicketListResponse(IReadOnlyList<TicketResponse> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
