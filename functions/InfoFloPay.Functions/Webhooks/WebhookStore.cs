using System.Globalization;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// The <c>webhooks</c> table. Partition <c>hooks</c> holds one row per webhook (URL, events and the secret, encrypted
/// with <c>Webhooks__SecretKey</c> when it is set: <see cref="WebhookSecretProtector"/>). Partition <c>log|{name}</c> holds that webhook's delivery
/// log: per attempt one <c>attempt|{webhook-id}|{n}</c> row, which makes recording it idempotent, and one
/// <c>at|{inverted time}|…</c> row with the same content, which makes reading it newest first one bounded query. Both are
/// written in one transaction.
/// </summary>
internal sealed class WebhookStore(TableServiceClient service, IOptions<WebhookOptions> options, WebhookSecretProtector secrets)
{
    private const string HooksPartition = "hooks";
    private const string AttemptPrefix = "attempt|";
    private const string TimePrefix = "at|";

    private readonly EnsuredTable _table = new(service.GetTableClient(options.Value.TableName));

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var hooks = new List<Webhook>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HooksPartition}");
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hooks.Add(ToWebhook(entity));
        }

        return hooks;
    }

    public async Task<Webhook?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(HooksPartition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? ToWebhook(found.Value!) : null;
    }

    /// <summary>Stores the webhook whole; true when it is new.</summary>
    public async Task<bool> SaveAsync(Webhook hook, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(HooksPartition, hook.Name)
        {
            ["Url"] = hook.Url.AbsoluteUri,
            ["Events"] = string.Join(' ', hook.Events),
            ["Secret"] = secrets.Protect(hook.Name, hook.Secret),
        };
        // PUT replaces the definition; the last writer wins, as PUT promises.
        return await client.AddOrReplaceAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the webhook and its delivery log; false when there was no such webhook.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        using var deleted = await client.DeleteEntityAsync(HooksPartition, name, ETag.All, cancellationToken).ConfigureAwait(false);
        await client.DeletePartitionAsync(LogPartition(name), cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    /// <summary>The attempt as recorded, or null when attempt <paramref name="attempt"/> of <paramref name="id"/> has not been.</summary>
    public async Task<DeliveryAttempt?> FindAttemptAsync(string name, string id, int attempt, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(LogPartition(name), AttemptRow(id, attempt), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? ToAttempt(found.Value!) : null;
    }

    /// <summary>Records an attempt once; false when it was recorded already (a redelivered message).</summary>
    public async Task<bool> RecordAsync(string name, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var inverted = StorageKey.NewestFirst(attempt.At);
        TableTransactionAction Add(string rowKey) => new(TableTransactionActionType.Add, ToEntity(LogPartition(name), rowKey, attempt));
        try
        {
            await client.SubmitTransactionAsync(
                [Add(AttemptRow(attempt.Id, attempt.Attempt)), Add($"{TimePrefix}{inverted}|{attempt.Id}|{attempt.Attempt:D2}")],
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The newest <paramref name="count"/> attempts, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> RecentAsync(string name, int count, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LogPartition(name)} and RowKey ge {TimePrefix} and RowKey lt {"at}"}");
        var attempts = new List<DeliveryAttempt>(count);
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: count, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(ToAttempt(entity));
            if (attempts.Count == count)
            {
                break;
            }
        }

        return attempts;
    }

    /// <summary>Removes the attempts recorded before <paramref name="before"/> (both rows of each); returns how many.</summary>
    public async Task<int> PruneAsync(string name, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var client = await GetAsync(cancellationToken).ConfigureAwait(false);
        var partition = LogPartition(name);
        // Time rows sort newest first, so everything older than the cut-off is one range after it.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {TimePrefix + StorageKey.NewestFirst(before)} and RowKey lt {"at}"}");
        var rows = new List<TableTransactionAction>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, select: ["RowKey", "WebhookId", "Attempt"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, entity.RowKey), ETag.All));
            var attemptRow = AttemptRow(entity.GetString("WebhookId") ?? "", entity.GetInt32("Attempt") ?? 0);
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, attemptRow), ETag.All));
        }

        foreach (var batch in rows.Chunk(100))
        {
            await client.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return rows.Count / 2;
    }

    private Task<TableClient> GetAsync(CancellationToken cancellationToken) => _table.GetAsync().WaitAsync(cancellationToken);

    private static string LogPartition(string name) => "log|" + name;

    private static string AttemptRow(string id, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{AttemptPrefix}{id}|{attempt:D2}");

    private static TableEntity ToEntity(string partition, string row, DeliveryAttempt attempt) => new(partition, row)
    {
        ["WebhookId"] = attempt.Id,
        ["Event"] = attempt.Event,
        ["Attempt"] = attempt.Attempt,
        ["Status"] = EnumText.Of(attempt.Status),
        ["StatusCode"] = attempt.StatusCode,
        ["Error"] = attempt.Error,
        ["At"] = attempt.At,
        ["NextAttemptAt"] = attempt.NextAttemptAt,
    };

    private static DeliveryAttempt ToAttempt(TableEntity entity) => new(
        entity.GetString("WebhookId") ?? "",
        entity.GetString("Event") ?? "",
        entity.GetInt32("Attempt") ?? 0,
        EnumText.TryParse<DeliveryStatus>(entity.GetString("Status") ?? "", out var status) ? status : DeliveryStatus.Failed,
        entity.GetInt32("StatusCode"),
        entity.GetString("Error"),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("NextAttemptAt"));

    private Webhook ToWebhook(TableEntity entity)
    {
        var secret = secrets.Unprotect(entity.RowKey, entity.GetString("Secret") ?? "", out var problem);
        return new Webhook(
            entity.RowKey,
            new Uri(entity.GetString("Url") ?? throw new InvalidDataException($"Webhook row '{entity.RowKey}' has no URL.")),
            (entity.GetString("Events") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            secret ?? "")
        {
            SecretProblem = problem,
        };
    }
}
