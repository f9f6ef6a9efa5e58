using System.Globalization;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Operations;

/// <summary>
/// Whether Table Storage answers: one point read of a key that never exists in the tickets table. Any answer from the
/// service (404 for the row or for a table not created yet) means reachable; no answer within the budget (at most <see cref="MaxBudget"/>), a
/// refused connection, a 5xx or a refused credential (401/403) is a failure. The check has its own client with one try
/// bounded by the budget, so a hung store costs the probe at most its budget, never the app's retries.
/// </summary>
public sealed class StorageHealthCheck(TableServiceClient probe, TimeSpan budget, ILogger<StorageHealthCheck> logger)
{
    public const string Name = "storage";

    /// <summary>The most a health request waits for storage.</summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(5);

    private const string ProbeKey = "health-probe";

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await probe.GetTableClient(HelpdeskTables.Tickets)
                .GetEntityAsync<TableEntity>(ProbeKey, ProbeKey, select: ["PartitionKey"], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return HealthCheckResult.Healthy(Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var detail = Describe(ex);
            logger.LogWarning(ex, "Health check {Check} failed: {Detail}", Name, detail);
            return HealthCheckResult.Failed(Name, detail);
        }
    }

    /// <summary>What failed, in words that carry no endpoint, key or token.</summary>
    private string Describe(Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 } failed when failed.InnerException is TaskCanceledException or OperationCanceledException or TimeoutException =>
            NoAnswer(),
        RequestFailedException { Status: 0 } => "Table storage is unreachable (the connection failed).",
        RequestFailedException { Status: 401 or 403 } failed => $"Table storage refused the app's credentials ({failed.Status}).",
        RequestFailedException failed => string.Create(CultureInfo.InvariantCulture, $"Table storage answered {failed.Status}."),
        Azure.Identity.AuthenticationFailedException =>
            "The app's identity could not get a token for Table storage.",
        TimeoutException or OperationCanceledException => NoAnswer(),
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[^1]),
        _ => $"Table storage check failed ({ex.GetType().Name}).",
    };

    private string NoAnswer() => string.Create(CultureInfo.InvariantCulture, $"Table storage did not answer within {budget.TotalSeconds:0.#} s.");
}

/// <summary>One dependency's state in the health report.</summary>
public sealed record HealthCheckResult(string Name, string Status, string? Detail)
{
    public static HealthCheckResult Healthy(string name) => new(name, "healthy", null);

    public static HealthCheckResult Failed(string name, string detail) => new(name, "unhealthy", detail);

    [JsonIgnore]
    public bool IsHealthy => Status == "healthy";
}
