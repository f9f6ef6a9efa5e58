using System.Globalization;
using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Domain.Tickets;

/// <summary>Numbers events after the ticket's last one, so a concurrent writer's events collide and its batch fails.</summary>
internal sealed class TicketEventWriter(Ticket before, Caller caller, DateTimeOffset now)
{
    private readonly List<TicketEvent> _events = [];

    public void Add(TicketEventKind kind, EventVisibility visibility, Func<TicketEvent, TicketEvent> details)
    {
        var sequence = before.EventCount + _events.Count + 1;
        _events.Add(details(new TicketEvent
        {
            Id = sequence.ToString("D6", CultureInfo.InvariantCulture),
            TicketId = before.Id,
            Kind = kind,
            Visibility = visibility,
            OccurredAt = now,
            Actor = new EventActor(caller.Email, caller.Name, EnumText.Of(caller.Role)),
        }));
    }

    public TicketChange Finish(Ticket after) => new(after with { EventCount = before.EventCount + _events.Count }, _events);
}
