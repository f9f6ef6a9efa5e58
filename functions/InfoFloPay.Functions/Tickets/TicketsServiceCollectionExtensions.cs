using Azure.Data.Tables;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.Knowledge;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Tickets;

internal static class TicketsServiceCollectionExtensions
{
    /// <summary>Tickets with what they stand on (identity, the customer registry, the HTTP endpoint plumbing) and the
    /// knowledge base that shares that plumbing.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity();
        services.AddCustomers();
        services.AddKnowledge();
        services.AddSingleton<ApiEndpoint>();

        services.AddSingleton<ISlaCalculator>(provider => provider.GetRequiredService<PolicySla>());
        // One handle on the tickets table, so it is created once per process whoever touches it first.
        services.AddKeyedSingleton(HelpdeskTables.Tickets, (sp, _) => new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(HelpdeskTables.Tickets)));
        services.AddSingleton(sp => new TicketStore(sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), clock: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TicketIndexUpgrade(sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TicketIndexUpgrade>>()));
        services.AddHostedService<TicketIndexUpgradeService>();
        services.AddSingleton<OutboxCleanup>();
        services.AddSingleton<TicketOutbox>();
        services.AddSingleton<TicketService>();
        return services;
    }
}
