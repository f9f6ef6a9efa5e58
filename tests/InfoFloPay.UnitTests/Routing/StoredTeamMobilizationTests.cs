using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;
using static InfoFloPay.UnitTests.Notifications.HelpdeskEvents;

namespace InfoFloPay.UnitTests.Routing;

/// <summary>Who urgent work mobilizes is the team as stored (<c>GET /api/agents</c>), not the roster in settings that seeded it.</summary>
public class StoredTeamMobilizationTests
{
    private sealed class StoredTeam(params PersonRef[] agents) : ISupportTeam
    {
        public IReadOnlyList<PersonRef> Agents { get; set; } = agents;

        public Task<IReadOnlyList<PersonRef>> AgentsAsync(CancellationToken cancellationToken) => Task.FromResult(Agents);
    }

    private static readonly PersonRef Zoe = new("zoe@infoflopay.example", "Zoe Added");

    [Fact]
    public async Task An_urgent_ticket_emails_every_stored_agent_including_one_added_through_the_api()
    {
        var planner = new NotificationPlanner(Options.Create(Roster()), new StoredTeam(Ava, Zoe));

        var plan = await planner.PlanAsync(Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts down", Customer, "urgent", "monitoring")), CancellationToken.None);

        var mobilized = plan.OfType<EmailDelivery>().Where(email => email.Model.Kind == NotificationKind.UrgentMobilization).ToList();
        Assert.Equal([Ava.Email, Zoe.Email], mobilized.Select(email => email.To.Address));
        Assert.Equal("Zoe Added", mobilized[1].To.DisplayName);
    }

    [Fact]
    public async Task Each_plan_reads_the_team_as_it_is_then()
    {
        var team = new StoredTeam(Ava);
        var planner = new NotificationPlanner(Options.Create(Roster()), team);
        var alert = Create(HelpdeskEventTypes.SlaBreached,
            new SlaAlertData("Payouts failing", null, "firstResponse", DateTimeOffset.Parse("2026-11-26T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "high"));

        var before = await planner.PlanAsync(alert, CancellationToken.None);
        team.Agents = [Zoe];
        var after = await planner.PlanAsync(alert, CancellationToken.None);

        Assert.Equal([Ava.Email, "olivia@infoflopay.example"], before.OfType<EmailDelivery>().Select(email => email.To.Address));
        Assert.Equal([Zoe.Email, "olivia@infoflopay.example"], after.OfType<EmailDelivery>().Select(email => email.To.Address));
    }
}
