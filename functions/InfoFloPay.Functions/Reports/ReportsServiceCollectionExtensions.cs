using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Reports;

internal static class ReportsServiceCollectionExtensions
{
    /// <summary>The SLA report over the tickets table's report rows. Needs <see cref="Tickets.TicketsServiceCollectionExtensions.AddTickets"/>.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SlaReport(sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets), sp.GetRequiredService<ILogger<SlaReport>>()));
        return services;
    }
}
