using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks from section <c>Webhooks</c>. Unset, <c>AllowPrivateTargets</c> and <c>RequireHttps</c> follow the
    /// deployment: private targets and http allowed locally, refused in Azure. The delivery client follows no redirects
    /// and connects only through <see cref="WebhookTargetGuard"/>.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var azure = AzureDeployment.IsAzure(configuration);
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .PostConfigure(options =>
            {
                options.AllowPrivateTargets ??= !azure;
                options.RequireHttps ??= azure;
            })
            .ValidateDataAnnotations()
            .Validate(options => WebhookSecretProtector.IsValidKeySetting(options.SecretKey), WebhookSecretProtector.InvalidKeyMessage)
            .ValidateOnStart();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddHostedService<WebhookSecretKeyStartupWarning>();

        services.AddSingleton<WebhookTargetGuard>();
        services.AddHttpClient(WebhookDeliverer.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A receiver's redirect is its answer (a failure), never a second request somewhere else.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
                // Name resolution and connecting within the delivery timeout on the wall clock as well.
                ConnectTimeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDeliverer>();
        return services;
    }
}
