using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Storage;

internal static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="TableServiceClient"/> for the app, built from the same settings the Functions host uses:
    /// <c>AzureWebJobsStorage</c> as a connection string (Azurite locally), or in Azure the identity-based
    /// <c>AzureWebJobsStorage__accountName</c> / <c>__tableServiceUri</c> with <c>__credential</c> and <c>__clientId</c>.
    /// Every call is bounded by <see cref="StorageOptions"/> (per-try timeout, retries), so a hung store fails fast
    /// enough for <c>ApiEndpoint</c> to answer 503 instead of holding the request for minutes.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.NetworkTimeout > TimeSpan.Zero && o.BlobTransferTimeout > TimeSpan.Zero && o.MaxRetries is >= 0 and <= 10 && o.Delay >= TimeSpan.Zero && o.MaxDelay >= o.Delay,
                "Storage: NetworkTimeout and BlobTransferTimeout must be positive, MaxRetries 0-10, and 0 <= Delay <= MaxDelay.")
            .ValidateOnStartInAzure(configuration);
        services.AddSingleton(provider => CreateClient(configuration, provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        return services;
    }

    internal static TableServiceClient CreateClient(IConfiguration configuration, StorageOptions budget)
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = budget.MaxRetries;
        options.Retry.NetworkTimeout = budget.NetworkTimeout;
        options.Retry.Delay = budget.Delay;
        options.Retry.MaxDelay = budget.MaxDelay;

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
