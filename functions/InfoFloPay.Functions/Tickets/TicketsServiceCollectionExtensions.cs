using Azure.Data.Tables;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.Knowledge;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        services.AddSingleton<ISlaCalculator, PolicySla>();
        services.AddSingleton(sp => new TicketStore(new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(HelpdeskTables.Tickets))));
        services.AddSingleton<TicketOutbox>();
        services.AddSingleton<TicketService>();

        // Monitoring registers a placeholder that fails loudly until this adapter is in place.
        services.Replace(ServiceDescriptor.Singleton<IIncidentTickets, IncidentTickets>());
        return services;
    }
}
