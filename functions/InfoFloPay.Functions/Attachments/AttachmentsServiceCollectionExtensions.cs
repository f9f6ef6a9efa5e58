using Azure.Storage.Blobs;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Attachments;

internal static class AttachmentsServiceCollectionExtensions
{
    /// <summary>Ticket attachments: blobs in the storage account the app already uses (<c>AzureWebJobsStorage</c>), metadata
    /// in the tickets table. Needs <see cref="Tickets.TicketsServiceCollectionExtensions.AddTickets"/>.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var budget = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var name = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Container;
            return new AttachmentContainer(
                CreateBlobClient(configuration, budget, budget.NetworkTimeout).GetBlobContainerClient(name),
                CreateBlobClient(configuration, budget, budget.BlobTransferTimeout).GetBlobContainerClient(name));
        });
        services.AddSingleton(sp => new AttachmentStore(sp.GetRequiredService<AttachmentContainer>(), sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets)));
        services.AddSingleton<AttachmentService>();
        return services;
    }

    /// <summary>The same storage settings and time budget as the tables (see <see cref="TableStorageServiceCollectionExtensions"/>),
    /// each try waiting at most <paramref name="networkTimeout"/>: a connection string locally, or in Azure
    /// <c>AzureWebJobsStorage__accountName</c> / <c>__blobServiceUri</c> with the identity.</summary>
    internal static BlobServiceClient CreateBlobClient(IConfiguration configuration, StorageOptions budget, TimeSpan networkTimeout)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.MaxRetries = budget.MaxRetries;
        options.Retry.NetworkTimeout = networkTimeout;
        options.Retry.Delay = budget.Delay;
        options.Retry.MaxDelay = budget.MaxDelay;

        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString, options);
        }

        var section = configuration.GetSection("AzureWebJobsStorage");
        var serviceUri = section["blobServiceUri"]
            ?? (section["accountName"] is { Length: > 0 } account ? $"https://{account}.blob.core.windows.net" : null)
            ?? throw new InvalidOperationException(
                "Storage is not configured: set AzureWebJobsStorage (a connection string, e.g. Azurite's) or AzureWebJobsStorage__accountName.");

        return new BlobServiceClient(new Uri(serviceUri), AzureCredentials.Create(section["credential"], section["clientId"]), options);
    }
}
