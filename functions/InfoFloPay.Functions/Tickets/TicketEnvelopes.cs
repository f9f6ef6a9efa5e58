using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Which timeline events others must hear about, as <see cref="HelpdeskEvent"/> envelopes carrying the version 1
/// payloads of <see cref="HelpdeskEventTypes"/>. The event id is the timeline row's (a status change's own message:
/// that id + <c>-status</c>), so a retried change publishes the same message ids.
/// </summary>
public static class TicketEnvelopes
{
    private const int Version = 1;

    public static IReadOnlyList<HelpdeskEvent> For(TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ticket = change.Ticket;
        var requester = new PersonRef(ticket.Requester.Email, ticket.Requester.Name);
        var envelopes = new List<HelpdeskEvent>();
        foreach (var e in change.Events)
        {
            (string Type, object Data)? message = e.Kind switch
            {
                TicketEventKind.Created => (HelpdeskEventTypes.TicketCreated,
                    new TicketCreatedData(ticket.Subject, requester, EnumText.Of(ticket.Priority), EnumText.Of(ticket.Channel), Excerpt(ticket.Description),
                        ticket.Sla.Tier, ticket.Sla.FirstResponseDueAt, ticket.Category, ticket.CustomerId)),
                TicketEventKind.Triaged => (HelpdeskEventTypes.TicketAssigned,
                    new TicketAssignedData(
                        ticket.Subject,
                        requester,
                        ticket.Assignee is { } assignee ? new PersonRef(assignee) : null,
                        EnumText.Of(ticket.Priority),
                        Excerpt(ticket.Description),
                        BecameUrgent: e.Priority == TicketPriority.Urgent && e.FromPriority != TicketPriority.Urgent,
                        AssigneeChanged: change.Events.Any(other => other.Kind == TicketEventKind.Assigned))),
                // A customer's reply kept as an internal note (an unknown sender's mail) is still news to the assignee;
                // the planner sends a customer's reply to the assignee only, never back to the customer.
                TicketEventKind.Reply when e.Visibility == EventVisibility.Public || IsCustomer(e.Actor) => (HelpdeskEventTypes.TicketReplied,
                    new TicketRepliedData(
                        ticket.Subject,
                        requester,
                        ticket.Assignee is { } owner ? new PersonRef(owner) : null,
                        new PersonRef(e.Actor.Email, e.Actor.Name),
                        IsCustomer(e.Actor) ? ReplyAuthorRole.Customer : ReplyAuthorRole.Staff,
                        e.Body ?? string.Empty)),
                TicketEventKind.Status when e.ToStatus == TicketStatus.Resolved => (HelpdeskEventTypes.TicketResolved,
                    new TicketResolvedData(ticket.Subject, requester, e.Note, EnumText.Of(ticket.Channel))),
                TicketEventKind.SlaWarning or TicketEventKind.SlaBreached when e.DueAt is { } dueAt => (
                    e.Kind == TicketEventKind.SlaWarning ? HelpdeskEventTypes.SlaWarning : HelpdeskEventTypes.SlaBreached,
                    new SlaAlertData(
                        ticket.Subject,
                        ticket.Assignee is { } responsible ? new PersonRef(responsible) : null,
                        e.Channel ?? string.Empty,
                        dueAt,
                        EnumText.Of(ticket.Priority),
                        ticket.Sla.Tier,
                        ticket.Sla.Calendar)),
                TicketEventKind.Escalated when ticket.Paging is { } paging => (HelpdeskEventTypes.TicketEscalated,
                    new TicketEscalatedData(
                        ticket.Subject,
                        paging.PageId,
                        paging.EscalationStep,
                        Final: paging.NextEscalationAt is null,
                        e.Recipients ?? [],
                        Excerpt(ticket.Description))),
                _ => null,
            };
            if (message is var (type, data))
            {
                envelopes.Add(Envelope(type, e.TicketId, e.Id, e.OccurredAt, data));
            }

            // Every status move, a resolution included, is also a status change of its own (webhooks hear these; the
            // resolution above stays for notifications). Its own event id keeps the two message ids apart.
            if (e is { Kind: TicketEventKind.Status, FromStatus: { } from, ToStatus: { } to })
            {
                envelopes.Add(Envelope(HelpdeskEventTypes.TicketStatusChanged, e.TicketId, StatusChangedEventId(e.Id), e.OccurredAt,
                    new TicketStatusChangedData(ticket.Subject, requester, EnumText.Of(from), EnumText.Of(to), e.Note, EnumText.Of(ticket.Channel))));
            }
        }

        return envelopes;
    }

    /// <summary>The event id of the <see cref="HelpdeskEventTypes.TicketStatusChanged"/> message for timeline event
    /// <paramref name="timelineEventId"/>.</summary>
    public static string StatusChangedEventId(string timelineEventId) => timelineEventId + "-status";

    private static HelpdeskEvent Envelope(string type, string ticketId, string eventId, DateTimeOffset occurredAt, object data) =>
        new(type, Version, ticketId, eventId, occurredAt, JsonSerializer.SerializeToElement(data, data.GetType(), HelpdeskJson.Options));

    private static bool IsCustomer(EventActor actor) => actor.Role == EnumText.Of(CallerRole.Customer);

    /// <summary>Mail shows the start of a description; the whole one (up to 32 KB) stays on the ticket.</summary>
    private static string? Excerpt(string description) =>
        description.Length <= 2000 ? description : description[..2000] + "…";
}
