using Azure.Data.Tables;

namespace InfoFloPay.Bench;

/// <summary>
/// The raw Azurite baseline: replays an operation's recorded storage requests, same kinds, order, row counts and
/// write sizes, straight through the SDK against a scratch table, with no API, bus or service around them. A point
/// read reads a row that exists (or one that does not, if the original missed), a query returns as many rows as the
/// original did, a batch writes as many rows of the same size into one partition.
/// </summary>
public sealed class RawReplay
{
    private const int SeededRows = 200;

    private readonly TableClient _table;
    private long _next;

    private RawReplay(TableClient table) => _table = table;

    public static async Task<RawReplay> StartAsync(TableServiceClient service)
    {
        var table = service.GetTableClient("rawreplay");
        await table.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(0, SeededRows).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("read", $"r{n:0000}", 900))));
        }

        return new RawReplay(table);
    }

    public async Task ReplayAsync(IReadOnlyList<StorageRequest> requests)
    {
        foreach (var request in requests)
        {
            await ReplayAsync(request);
        }
    }

    private async Task ReplayAsync(StorageRequest request)
    {
        var n = Interlocked.Increment(ref _next);
        switch (request.Kind)
        {
            case StorageRequestKind.PointRead:
                await _table.GetEntityIfExistsAsync<TableEntity>("read", request.Found ? $"r{n % SeededRows:0000}" : "missing");
                break;
            case StorageRequestKind.Query:
                var filter = request.Rows == 0 ? "PartitionKey eq 'read' and RowKey ge 'z'" : "PartitionKey eq 'read'";
                await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(request.Rows, 1, 1000)).AsPages())
                {
                    _ = page.Values.Count;
                    break;
                }

                break;
            case StorageRequestKind.Batch:
                var size = (int)Math.Min(30_000, request.Bytes / Math.Max(1, request.Rows));
                await _table.SubmitTransactionAsync(Enumerable.Range(0, request.Rows)
                    .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Row($"batch{n}", $"b{i:000}", size))));
                break;
            case StorageRequestKind.Insert:
                await _table.AddEntityAsync(Row("insert", $"i{n}", (int)Math.Min(30_000, request.Bytes)));
                break;
            case StorageRequestKind.Update:
                await _table.UpsertEntityAsync(Row("update", $"u{n % SeededRows}", (int)Math.Min(30_000, request.Bytes)), TableUpdateMode.Replace);
                break;
            case StorageRequestKind.Delete:
                await _table.DeleteEntityAsync("insert", $"gone{n}");
                break;
            default:
                break;
        }
    }

    /// <summary>Sends recorded reads again exactly as they were (same table, keys, filter, page size, columns), as
    /// signed GETs through a bare SDK pipeline: what Azurite alone takes to answer them.</summary>
    public static async Task ResendReadsAsync(TableServiceClient service, IEnumerable<StorageRequest> requests)
    {
        foreach (var request in requests.Where(r => r.Uri is not null && r.Kind is StorageRequestKind.PointRead or StorageRequestKind.Query))
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Uri!.Query);
            var table = service.GetTableClient(request.Table);
            if (request.Kind == StorageRequestKind.PointRead)
            {
                var segment = Uri.UnescapeDataString(request.Uri.AbsolutePath[(request.Uri.AbsolutePath.LastIndexOf('/') + 1)..]);
                var keys = System.Text.RegularExpressions.Regex.Match(segment, "PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='(?<rk>(?:[^']|'')*)'");
                await table.GetEntityIfExistsAsync<TableEntity>(keys.Groups["pk"].Value.Replace("''", "'", StringComparison.Ordinal), keys.Groups["rk"].Value.Replace("''", "'", StringComparison.Ordinal));
                continue;
            }

            var top = int.TryParse(query["$top"], out var t) ? t : (int?)null;
            var select = query["$select"]?.Split(',');
            await foreach (var page in table.QueryAsync<TableEntity>(query["$filter"], top, select).AsPages())
            {
                _ = page.Values.Count;
                break;
            }
        }
    }

    private static TableEntity Row(string partition, string rowKey, int bytes) =>
        new(partition, rowKey) { ["Doc"] = new string('x', Math.Max(1, bytes - 100)) };
}
