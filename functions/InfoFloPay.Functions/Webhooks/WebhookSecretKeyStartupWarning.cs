using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// In Azure without <c>Webhooks__SecretKey</c> the desk starts and webhooks work, but their signing secrets are stored
/// in the clear in the webhooks table; say so once as the host starts, where whoever deployed it looks.
/// </summary>
internal sealed class WebhookSecretKeyStartupWarning(WebhookSecretProtector protector, IConfiguration configuration, ILogger<WebhookSecretKeyStartupWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (AzureDeployment.IsAzure(configuration) && !protector.Encrypts)
        {
            logger.LogWarning(
                "Webhooks__SecretKey is not set: webhook signing secrets are stored unencrypted in the webhooks table. "
                + "Store base64 of {KeyBytes} random bytes as a Key Vault secret, set WEBHOOK_SECRET_KEY_SECRET_URI to its URI (azd env set) "
                + "and redeploy, then PUT each webhook again so its secret is stored encrypted",
                WebhookSecretProtector.KeyBytes);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
