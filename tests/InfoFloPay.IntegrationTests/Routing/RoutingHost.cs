using Azure.Data.Tables;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.IntegrationTests.Routing;

/// <summary>
/// The local host with a team of its own: routing in the given mode, the agents from settings, and tickets table and
/// notification journal of its own on the shared Azurite, so no other test's tickets or agents weigh on its choices.
/// </summary>
public static class RoutingHost
{
    public const string Ava = "ava@routing.example";
    public const string Ben = "ben@routing.example";
    public const string Cleo = "cleo@routing.example";
    public const string Dan = "dan@routing.example";
    public const string AssignmentsSubscription = "helpdesk-events/subscriptions/assignments";

    public static Task<Infrastructure.LocalHost> StartAsync(AzuriteFixture azurite, string mode)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?> { ["Routing:Mode"] = mode };
        string[] team = [Ava, Ben, Cleo, Dan];
        for (var i = 0; i < team.Length; i++)
        {
            settings[$"Support:Agents:{i}:Email"] = team[i];
            settings[$"Support:Agents:{i}:Name"] = char.ToUpperInvariant(team[i][0]) + team[i][1..team[i].IndexOf('@', StringComparison.Ordinal)];
        }

        return Infrastructure.LocalHost.StartAsync(azurite, settings, services =>
        {
            services.AddKeyedSingleton(HelpdeskTables.Tickets, (sp, _) => new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient("tickets" + suffix)));
            services.Replace(ServiceDescriptor.Singleton<INotificationJournal>(sp => new TableNotificationJournal(sp.GetRequiredService<TableServiceClient>(), "notifications" + suffix)));
        });
    }
}
