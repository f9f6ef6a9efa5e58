using InfoFloPay.Functions.Operations.OpenApi;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Operations;

internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OpenApiDocumentBuilder>();
        // Its own client: one try, bounded by the smaller of Storage__NetworkTimeout and 5 s, so /api/health answers fast.
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var budget = storage.NetworkTimeout < StorageHealthCheck.MaxBudget ? storage.NetworkTimeout : StorageHealthCheck.MaxBudget;
            var client = TableStorageServiceCollectionExtensions.CreateClient(configuration, new StorageOptions { NetworkTimeout = budget, MaxRetries = 0 });
            return new StorageHealthCheck(client, budget, provider.GetRequiredService<ILogger<StorageHealthCheck>>());
        });
        return services;
    }
}
