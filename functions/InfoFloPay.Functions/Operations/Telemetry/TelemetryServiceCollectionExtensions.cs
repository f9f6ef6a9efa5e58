using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace InfoFloPay.Functions.Operations.Telemetry;

/// <summary>
/// The desk's counters (<see cref="HelpdeskMetrics"/>) always; the export to Application Insights only when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (infra sets it; locally and in tests nothing is exported).
/// OpenTelemetry with the Azure Monitor exporter, because the custom meter's counters reach <c>customMetrics</c> as they
/// are (the classic Application Insights SDK ignores <c>System.Diagnostics.Metrics</c> meters); docs/deploy.md.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<HelpdeskMetrics>();
        services.AddSingleton<LastDeliveryWatch>();
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var entraClientId = EntraClientId(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(HelpdeskMetrics.MeterName))
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                // Local auth is off on the component (infra): ingestion needs the app identity's Entra token.
                if (entraClientId is not null)
                {
                    options.Credential = AzureCredentials.Create("managedidentity", entraClientId.Length == 0 ? null : entraClientId);
                }
            });
        // The TicketId of ticket operations (TicketLogScope) becomes a custom dimension of every trace inside them.
        services.Configure<OpenTelemetryLoggerOptions>(options => options.IncludeScopes = true);
        return services;
    }

    /// <summary>
    /// The identity of <c>Authorization=AAD;ClientId=…</c> (the host's convention): its client id, empty for the
    /// system-assigned identity, or null when telemetry is not Entra-authenticated.
    /// </summary>
    internal static string? EntraClientId(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) ? clientId : string.Empty;
    }
}
