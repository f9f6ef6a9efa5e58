using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Storage;

internal static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="TableServiceClient"/> for the app, built from the same settings the Functions host uses:
    /// <c>AzureWebJobsStorage</c> as a connection string (Azurite locally), or in Azure the identity-based
    /// <c>AzureWebJobsStorage__accountName</c> / <c>__tableServiceUri</c> with <c>__credential</c> and <c>__clientId</c>.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CreateClient(configuration));
        return services;
    }

    internal static TableServiceClient CreateClient(IConfiguration configuration)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);

        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString, options);
        }

        var section = configuration.GetSection("AzureWebJobsStorage");
        var serviceUri = section["tableServiceUri"]
            ?? (section["accountName"] is { Length: > 0 } account ? $"https://{account}.table.core.windows.net" : null)
            ?? throw new InvalidOperationException(
                "Storage is not configured: set AzureWebJobsStorage (a connection string, e.g. Azurite's) or AzureWebJobsStorage__accountName.");

        return new TableServiceClient(new Uri(serviceUri), AzureCredentials.Create(section["credential"], section["clientId"]), options);
    }
}
