using System.Text.Json;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Which timeline events others must hear about, as version 1 <see cref="HelpdeskEvent"/> envelopes with the payloads
/// of <see cref="HelpdeskEventTypes"/> (docs/notifications.md): created, assigned (triage with an assignee), public
/// replies, resolved; other status moves as <c>ticket.status-changed</c>, which notifications ignore.
/// </summary>
public static class TicketEnvelopes
{
    public const string TicketStatusChanged = "ticket.status-changed";

    public static IReadOnlyList<HelpdeskEvent> For(TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ticket = change.Ticket;
        var requester = new PersonRef(ticket.Requester.Email, ticket.Requester.Name);
        var envelopes = new List<HelpdeskEvent>();
        void Add(TicketEvent e, string type, object data) =>
            envelopes.Add(new HelpdeskEvent(type, 1, e.TicketId, e.Id, e.OccurredAt, JsonSerializer.SerializeToElement(data, HelpdeskEventJson.Options)));

        foreach (var e in change.Events)
        {
            switch (e.Kind)
            {
                case TicketEventKind.Created:
                    Add(e, HelpdeskEventTypes.TicketCreated, new TicketCreatedData(ticket.Subject, requester, EnumText.Of(ticket.Priority), EnumText.Of(ticket.Channel)));
                    break;
                case TicketEventKind.Triaged when ticket.Assignee is { } assignee:
                    Add(e, HelpdeskEventTypes.TicketAssigned,
                        new TicketAssignedData(ticket.Subject, requester, new PersonRef(assignee), EnumText.Of(ticket.Priority), ticket.Description));
                    break;
                case TicketEventKind.Reply when e.Visibility == EventVisibility.Public:
                    Add(e, HelpdeskEventTypes.TicketReplied, new TicketRepliedData(
                        ticket.Subject,
                        requester,
                        ticket.Assignee is { } to ? new PersonRef(to) : null,
                        new PersonRef(e.Actor.Email, e.Actor.Name),
                        e.Actor.Role == EnumText.Of(CallerRole.Customer) ? ReplyAuthorRole.Customer : ReplyAuthorRole.Staff,
                        e.Body ?? string.Empty));
                    break;
                case TicketEventKind.Status when e.ToStatus == TicketStatus.Resolved:
                    Add(e, HelpdeskEventTypes.TicketResolved, new TicketResolvedData(ticket.Subject, requester, e.Note));
                    break;
                case TicketEventKind.Status:
                    Add(e, TicketStatusChanged, new { subject = ticket.Subject, requester, from = EnumText.Of(e.FromStatus!.Value), to = EnumText.Of(e.ToStatus!.Value), note = e.Note });
                    break;
            }
        }

        return envelopes;
    }
}
