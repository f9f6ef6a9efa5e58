using Azure.Data.Tables;

namespace InfoFloPay.Functions.Storage;

/// <summary>A table created on first use (once per process), so a fresh storage account or Azurite just works.
/// A failed attempt (storage unreachable) is not remembered: the next use tries again.</summary>
public sealed class EnsuredTable(TableClient client)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public string Name => client.Name;

    public async Task<TableClient> GetAsync()
    {
        Task created;
        lock (_gate)
        {
            created = _created is { IsFaulted: false, IsCanceled: false } ? _created : _created = client.CreateIfNotExistsAsync();
        }

        await created.ConfigureAwait(false);
        return client;
    }
}
