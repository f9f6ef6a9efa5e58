using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Agents;

internal static class AgentsServiceCollectionExtensions
{
    /// <summary>The team in the tickets table (the same handle as the tickets, see <see cref="AgentKeys"/>), seeded from
    /// the roster in settings; it is the team notifications mobilize.</summary>
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AgentStore(sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets)));
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<ISupportTeam>(sp => sp.GetRequiredService<AgentDirectory>());
        return services;
    }
}
