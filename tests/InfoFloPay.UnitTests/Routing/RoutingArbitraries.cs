using FsCheck;
using FsCheck.Fluent;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.UnitTests.Routing;

/// <summary>A team as routing sees it, shown readably when a property fails.</summary>
public sealed record Team(IReadOnlyList<RoutingCandidate> Agents)
{
    public override string ToString() => string.Join("; ", Agents.Select(agent =>
        $"{agent.Email} {agent.Availability} open={agent.OpenTickets} skills=[{string.Join(",", agent.Skills)}] accounts=[{string.Join(",", agent.Accounts)}]"));
}

/// <summary>k identical, available agents (1–8), how many tickets to route (0–200), and whether the clock stands still
/// (every turn taken at the same instant, as under a test's fake clock or within one clock tick).</summary>
public sealed record EvenWork(int Agents, int Tickets, bool FrozenClock);

/// <summary>
/// Teams of up to 8 agents drawn from a few skills and accounts, any mix of availability and loads; tickets from the same
/// accounts and categories (or none), at any priority.
/// </summary>
public static class RoutingArbitraries
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private static readonly string[] Skills = ["billing", "payouts", "api", "fraud"];

    private static readonly string[] Accounts = ["acme", "globex", "initech"];

    public static Arbitrary<Team> Teams() =>
        (from size in Gen.Choose(0, 8)
         from agents in Gen.CollectToList(Enumerable.Range(1, size), Candidate)
         select new Team(agents)).ToArbitrary();

    public static Arbitrary<RoutingSubject> Subjects() =>
        (from account in Gen.Elements(Accounts).OrNull()
         from category in Gen.Elements([.. Skills, "refunds"]).OrNull()
         from priority in Gen.Elements(Enum.GetValues<TicketPriority>())
         select new RoutingSubject(account, category, priority)).ToArbitrary();

    public static Arbitrary<EvenWork> EvenWorks() =>
        (from agents in Gen.Choose(1, 8)
         from tickets in Gen.Choose(0, 200)
         from frozen in Gen.Elements(true, false)
         select new EvenWork(agents, tickets, frozen)).ToArbitrary();

    private static Gen<RoutingCandidate> Candidate(int index) =>
        from availability in Gen.Elements(AgentAvailability.Available, AgentAvailability.Away)
        from skills in Gen.SubListOf(Skills)
        from accounts in Gen.SubListOf(Accounts)
        from open in Gen.Choose(0, 20)
        from minutes in Gen.Choose(-1, 10_000)
        from turns in Gen.Choose(0, 50)
        select new RoutingCandidate(
            $"agent{index}@infoflopay.example", availability, [.. skills], [.. accounts], open,
            minutes < 0 ? null : Start.AddMinutes(minutes), minutes < 0 ? 0 : turns);
}
