using Azure.Data.Tables;

namespace InfoFloPay.Functions.Storage;

/// <summary>A table created on first use (once per process), so a fresh storage account or Azurite just works.</summary>
public sealed class EnsuredTable(TableClient client)
{
    private readonly Lazy<Task> _created = new(() => client.CreateIfNotExistsAsync());

    public string Name => client.Name;

    public async Task<TableClient> GetAsync()
    {
        await _created.Value.ConfigureAwait(false);
        return client;
    }
}
