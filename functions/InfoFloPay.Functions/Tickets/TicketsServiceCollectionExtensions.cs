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

        services.AddSingleton<ISlaCalculator, PolicySla>();
        services.AddSingleton(sp => new TicketStore(new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(HelpdeskTables.Tickets))));
        services.AddSingleton<TicketOutbox>();
        services.AddSingleton<TicketService>();
        return services;
    }
}
