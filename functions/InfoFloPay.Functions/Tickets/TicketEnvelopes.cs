using System.Text.Json;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>Which timeline events others must hear about, as <see cref="HelpdeskEvent"/> envelopes:
/// data is <c>{ticket, event}</c> — the ticket after the change (without its description, which can be 32 KB) and the
/// timeline event itself.</summary>
public static class TicketEnvelopes
{
    public static IReadOnlyList<HelpdeskEvent> For(TicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var envelopes = new List<HelpdeskEvent>();
        foreach (var e in change.Events)
        {
            var type = e.Kind switch
            {
                TicketEventKind.Created => HelpdeskEvent.TicketCreated,
                TicketEventKind.Triaged => HelpdeskEvent.TicketTriaged,
                TicketEventKind.Reply when e.Visibility == EventVisibility.Public => HelpdeskEvent.TicketReplied,
                TicketEventKind.Status => HelpdeskEvent.TicketStatusChanged,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            var data = JsonSerializer.SerializeToElement(
                new { ticket = TicketResponse.From(change.Ticket, withDescription: false), @event = e },
                HelpdeskJson.Options);
            envelopes.Add(new HelpdeskEvent(type, HelpdeskEvent.CurrentVersion, e.TicketId, e.Id, e.OccurredAt, data));
        }

        return envelopes;
    }
}
