using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Paging;

/// <summary>
/// In Azure without <c>Paging__SigningKey</c> the desk starts, but its pages go out without the one-click
/// acknowledgement link (<see cref="PageLinkSigner"/>); say so once as the host starts, where whoever deployed it looks,
/// rather than only when the first page is sent.
/// </summary>
internal sealed class SigningKeyStartupWarning(IOptions<PagingOptions> options, IConfiguration configuration, ILogger<SigningKeyStartupWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (AzureDeployment.IsAzure(configuration) && string.IsNullOrEmpty(options.Value.SigningKey))
        {
            logger.LogWarning(
                "Paging__SigningKey is not set: pages go out without one-click acknowledgement links (the console and the API still acknowledge). "
                + "Store a random key of at least {MinimumKeyLength} characters as a Key Vault secret, set PAGING_SIGNING_KEY_SECRET_URI to its URI "
                + "(azd env set) and redeploy; the template sets Paging__SigningKey to @Microsoft.KeyVault(SecretUri=...)",
                PageLinkSigner.MinimumKeyLength);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
