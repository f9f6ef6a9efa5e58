using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Customers;

/// <summary>
/// The customer registry in the <c>customers</c> table, one partition: the account row (<c>account|{id}</c>) and
/// lookup rows by member email (<c>member|{email}</c>) and email domain (<c>domain|{domain}</c>), written in one
/// batch so resolving a user is one or two point reads. Lookups are cached briefly because every customer
/// request resolves its caller.
/// </summary>
public sealed class CustomerDirectory(EnsuredTable table, TimeProvider clock)
{
    public const string Partition = "registry";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (object? Value, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>The account a user belongs to: listed as a member, else by its email domain; null when none.</summary>
    public Task<string?> FindAccountIdForAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return CachedAsync("member:" + email, async () =>
        {
            var client = await table.GetAsync().ConfigureAwait(false);
            var member = await client.GetEntityIfExistsAsync<TableEntity>(Partition, MemberKey(email), ["CustomerId"], cancellationToken).ConfigureAwait(false);
            if (member.HasValue)
            {
                return member.Value!.GetString("CustomerId");
            }

            var domain = await client.GetEntityIfExistsAsync<TableEntity>(Partition, DomainKey(CustomerRules.DomainOf(email)), ["CustomerId"], cancellationToken).ConfigureAwait(false);
            return domain.HasValue ? domain.Value!.GetString("CustomerId") : null;
        });
    }

    /// <summary>An account as recently read; for rules that need its tier, not for editing.</summary>
    public Task<CustomerAccount?> FindCachedAsync(string id, CancellationToken cancellationToken) =>
        CachedAsync("account:" + id, async () => (await FindAsync(id, cancellationToken).ConfigureAwait(false))?.Account);

    public async Task<StoredAccount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(Partition, AccountKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new StoredAccount(ToAccount(id, row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Every account, by id: one range query over the account rows of the registry partition (the member
    /// and domain lookup rows sort elsewhere). The registry is a list of business customers, not of users.</summary>
    public async Task<IReadOnlyList<StoredAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var from = AccountKey(string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {from + StorageKey.RangeEnd}");
        var accounts = new List<StoredAccount>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(new StoredAccount(ToAccount(row.RowKey[from.Length..], row), row.ETag));
        }

        return accounts;
    }

    /// <summary>Creates or replaces an account and its lookup rows in one batch. An email or domain already bound
    /// to another account → 409; a stale <paramref name="ifMatch"/> (or a concurrent writer) → 412.</summary>
    public async Task<StoredAccount> PutAsync(CustomerAccount account, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var existing = await FindAsync(account.Id, cancellationToken).ConfigureAwait(false);
        if (ifMatch is { } expected && (existing is null || existing.ETag != expected))
        {
            throw new RequestRejectedException(Rejection.Stale, $"Customer {account.Id} has changed since it was read.");
        }

        var row = new TableEntity(Partition, AccountKey(account.Id))
        {
            ["Name"] = account.Name,
            ["Tier"] = EnumText.Of(account.Tier),
            ["EmailDomains"] = JsonSerializer.Serialize(account.EmailDomains),
            ["Members"] = JsonSerializer.Serialize(account.Members),
            ["UpdatedAt"] = clock.GetUtcNow(),
        };
        var actions = new List<TableTransactionAction>
        {
            existing is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, existing.ETag),
        };
        var lookups = new List<string>();
        AddLookups(actions, lookups, account.Id, account.Members.Select(MemberKey), existing?.Account.Members.Select(MemberKey));
        AddLookups(actions, lookups, account.Id, account.EmailDomains.Select(DomainKey), existing?.Account.EmailDomains.Select(DomainKey));

        var client = await table.GetAsync().ConfigureAwait(false);
        Response<IReadOnlyList<Response>> result;
        try
        {
            result = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is 0 && ex.Status is 409 or 412)
        {
            throw new RequestRejectedException(Rejection.Stale, $"Customer {account.Id} was changed by someone else; read it and retry.");
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is int index and > 0 && ex.Status == 409)
        {
            var key = lookups[index - 1];
            var field = key.StartsWith("member|", StringComparison.Ordinal) ? "members" : "emailDomains";
            throw new RequestRejectedException(Rejection.Conflict, "An email or domain already belongs to another account.",
                new Dictionary<string, string[]> { [field] = [$"'{Uri.UnescapeDataString(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..])}' already belongs to another account."] });
        }

        _cache.Clear();
        return new StoredAccount(account, result.Value[0].Headers.ETag!.Value, Created: existing is null);
    }

    private static void AddLookups(List<TableTransactionAction> actions, List<string> lookups, string customerId, IEnumerable<string> wanted, IEnumerable<string>? current)
    {
        var now = wanted.ToHashSet(StringComparer.Ordinal);
        var before = current?.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in now)
        {
            var row = new TableEntity(Partition, key) { ["CustomerId"] = customerId };
            actions.Add(before.Contains(key) ? new(TableTransactionActionType.UpsertReplace, row) : new(TableTransactionActionType.Add, row));
            lookups.Add(key);
        }

        foreach (var key in before.Except(now))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, key), ETag.All));
            lookups.Add(key);
        }
    }

    private async Task<T?> CachedAsync<T>(string key, Func<Task<T?>> load)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return (T?)hit.Value;
        }

        var value = await load().ConfigureAwait(false);
        _cache[key] = (value, now + CacheFor);
        return value;
    }

    private static CustomerAccount ToAccount(string id, TableEntity row)
    {
        var tier = EnumText.TryParse<CustomerTier>(row.GetString("Tier") ?? string.Empty, out var stored) ? stored : CustomerTier.Essentials;
        return new CustomerAccount(
            id,
            row.GetString("Name") ?? id,
            tier,
            JsonSerializer.Deserialize<List<string>>(row.GetString("EmailDomains") ?? "[]") ?? [],
            JsonSerializer.Deserialize<List<string>>(row.GetString("Members") ?? "[]") ?? []);
    }

    private static string AccountKey(string id) => "account|" + id;

    private static string MemberKey(string email) => "member|" + StorageKey.Escape(email.ToLowerInvariant());

    private static string DomainKey(string domain) => "domain|" + StorageKey.Escape(domain.ToLowerInvariant());
}
