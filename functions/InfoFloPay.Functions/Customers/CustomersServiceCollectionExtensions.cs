using Azure.Data.Tables;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Customers;

internal static class CustomersServiceCollectionExtensions
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) =>
        services.AddSingleton(sp => new CustomerDirectory(
            new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(HelpdeskTables.Customers)),
            sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<IAccountContacts, CustomerAccountContacts>();
}
