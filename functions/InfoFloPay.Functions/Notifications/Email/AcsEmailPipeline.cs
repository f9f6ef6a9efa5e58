using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>
/// The HTTP pipeline to ACS Email: Azure.Core's retry policy (429, 408 and 5xx, honouring <c>Retry-After</c>) and one
/// authentication policy per credential kind — HMAC for a connection string, a bearer token otherwise.
/// </summary>
public static class AcsEmailPipeline
{
    public const string TokenScope = "https://communication.azure.com//.default";

    public static (HttpPipeline Pipeline, Uri Endpoint) Create(EmailOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new AcsEmailClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;

        if (AcsConnectionString.TryParse(options.ConnectionString, out var connectionString))
        {
            var hmac = new AcsHmacAuthenticationPolicy(connectionString.AccessKey, clock);
            return (HttpPipelineBuilder.Build(clientOptions, [], [hmac], new ResponseClassifier()), connectionString.Endpoint);
        }

        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Email:Endpoint is required without Email:ConnectionString.");
        var credential = AzureCredentials.Create(options.Credential, options.ClientId);
        var bearer = new BearerTokenAuthenticationPolicy(credential, TokenScope);
        return (HttpPipelineBuilder.Build(clientOptions, [], [bearer], new ResponseClassifier()), endpoint);
    }

    private sealed class AcsEmailClientOptions : ClientOptions;
}
