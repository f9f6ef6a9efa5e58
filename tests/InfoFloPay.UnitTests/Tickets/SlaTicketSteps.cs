using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.UnitTests.Sla;

namespace InfoFloPay.UnitTests.Tickets;

/// <summary>Drives a ticket through the lifecycle as the ticket service does: each change re-evaluates the SLA with the
/// shipped policy and records its milestones.</summary>
internal static class SlaTicketSteps
{
    public static readonly Caller Agent = new(CallerRole.Agent, "ava.agent@infoflopay.example", "Ava Agent", null);

    /// <summary>Tuesday 24 November 2026, 09:00 in New York.</summary>
    public static readonly DateTimeOffset Start = SlaTestPolicies.Utc(2026, 11, 24, 14);

    public static readonly PolicySla Policy = new(new SlaClock(SlaTestPolicies.Default));

    public static TicketChange Open(string priority, DateTimeOffset? at = null)
    {
        var now = at ?? Start;
        var draft = TicketRules.Validate(new NewTicketRequest("Payouts failing", "Every payout returns 502.", null, null, priority, null), Agent, TicketChannel.Api);
        var opened = TicketLifecycle.Open("IFP-1", draft, "essentials", Agent, now);
        opened = opened with { Ticket = opened.Ticket with { Sla = Policy.Evaluate(opened.Ticket, now) } };
        return SlaMilestones.Record(before: null, opened, now);
    }

    public static TicketChange Then(Ticket ticket, Func<Ticket, DateTimeOffset, TicketChange> change, DateTimeOffset now)
    {
        var applied = change(ticket, now);
        applied = applied with { Ticket = applied.Ticket with { Sla = Policy.Evaluate(applied.Ticket, now) } };
        return SlaMilestones.Record(ticket, applied, now);
    }
}
