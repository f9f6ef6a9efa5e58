namespace InfoFloPay.Domain.Tickets;

/// <summary>The moves a ticket's status can make: new → open → pending ⇄ open → resolved → closed, and reopen from resolved.</summary>
public static class TicketStatusGraph
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Moves = new()
    {
        [TicketStatus.New] = [TicketStatus.Open],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.Resolved],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.Open],
        [TicketStatus.Closed] = [],
    };

    public static bool Allows(TicketStatus from, TicketStatus to) => Moves[from].Contains(to);
}
