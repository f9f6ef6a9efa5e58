using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// Records every storage request (retries included) so a test can say what a list made storage read: a query over a
/// RowKey range costs the rows of that range that storage walks, whatever filter trims the answer, so
/// <see cref="RowsInRangesAsync"/> counts those rows afresh without the log.
/// </summary>
public sealed partial class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyList<Uri> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        _requests.Enqueue(message.Request.Uri.ToUri());
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        _requests.Enqueue(message.Request.Uri.ToUri());
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>The RowKey ranges the recorded queries asked for, as (from, to).</summary>
    public IReadOnlyList<(string From, string To)> QueriedRanges() =>
        [.. Requests
            .Select(uri => Uri.UnescapeDataString(uri.Query.Replace('+', ' ')))
            .Select(query => RowKeyRange().Match(query))
            .Where(match => match.Success)
            .Select(match => (match.Groups["from"].Value.Replace("''", "'", StringComparison.Ordinal), match.Groups["to"].Value.Replace("''", "'", StringComparison.Ordinal)))];

    /// <summary>How many rows lie in the ranges the recorded queries asked for: what storage had to walk to answer them.</summary>
    public async Task<int> RowsInRangesAsync(TableClient unlogged, string partition)
    {
        ArgumentNullException.ThrowIfNull(unlogged);
        var rows = 0;
        foreach (var (from, to) in QueriedRanges())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
            await foreach (var _ in unlogged.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
            {
                rows++;
            }
        }

        return rows;
    }

    [GeneratedRegex("RowKey ge '(?<from>(?:[^']|'')*)' and RowKey lt '(?<to>(?:[^']|'')*)'")]
    private static partial Regex RowKeyRange();
}
