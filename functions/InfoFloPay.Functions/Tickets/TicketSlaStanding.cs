using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Functions.Tickets;

/// <summary>Where an open ticket stands against its SLA, as the at-risk and breached lists show it.</summary>
public enum TicketSlaStanding
{
    None,
    AtRisk,
    Breached,
}

/// <summary>
/// A ticket's SLA standing from what is stored on it (so the standing row moves in the batch of the change that moved it):
/// breached once a breach is recorded, at risk once a warning was sent for a clock still running. Both are recorded at
/// their due instant by a scheduled message (or by the sweep, for one that went missing), so these lists trail the clock
/// by that much; each listed ticket's breaches are as of the read (<see cref="TicketListView.AsOf"/>).
/// </summary>
public static class TicketSlaStandings
{
    public static TicketSlaStanding Of(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.IsOpen)
        {
            return TicketSlaStanding.None;
        }

        if (ticket.Sla.Breaches.Count > 0)
        {
            return TicketSlaStanding.Breached;
        }

        var sent = ticket.SentSlaNotices;
        var firstResponseWarned = ticket.FirstRespondedAt is null && sent.Contains(WarningKey(SlaClock.FirstResponseCycle));
        return firstResponseWarned || sent.Contains(WarningKey(ResolutionCycle(ticket))) ? TicketSlaStanding.AtRisk : TicketSlaStanding.None;
    }

    // The cycle names SlaClock gives the notices: a reopen starts a resolution cycle of its own.
    private static string ResolutionCycle(Ticket ticket) =>
        ticket.ReopenedAt is { } at && at > ticket.CreatedAt
            ? string.Create(CultureInfo.InvariantCulture, $"{SlaClock.ResolutionCycle}@{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}")
            : SlaClock.ResolutionCycle;

    private static string WarningKey(string cycle) => cycle + ":warning";
}
