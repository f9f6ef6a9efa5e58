using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Hands out ticket numbers from blocks reserved on the counter row with one conditional update (hi-lo), so ids
/// stay unique across instances while most creates never touch the counter. Numbers of a block an instance does
/// not use before it stops are skipped: ids may have gaps, never duplicates.
/// </summary>
public sealed class TicketIdAllocator(EnsuredTable table, int blockSize = TicketIdAllocator.DefaultBlockSize) : IDisposable
{
    public const int DefaultBlockSize = 20;

    public const long FirstNumber = 1001;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _next;
    private long _end;
    private (long Next, ETag ETag)? _counter;

    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_next >= _end)
            {
                (_next, _end) = await ReserveBlockAsync(cancellationToken).ConfigureAwait(false);
            }

            return TicketIds.Format(_next++);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(long Start, long End)> ReserveBlockAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        while (true)
        {
            // The counter as this instance last wrote it is usually still current, so try it without re-reading.
            _counter ??= await ReadCounterAsync(client, cancellationToken).ConfigureAwait(false);
            var (start, etag) = _counter.Value;
            var row = new TableEntity(TicketKeys.Partition, TicketKeys.Counter) { ["Next"] = start + blockSize };
            try
            {
                var response = etag == default
                    ? await client.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)
                    : await client.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                _counter = (start + blockSize, response.Headers.ETag!.Value);
                return (start, start + blockSize);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                _counter = null;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private static async Task<(long, ETag)> ReadCounterAsync(TableClient client, CancellationToken cancellationToken)
    {
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, TicketKeys.Counter, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? (row.Value!.GetInt64("Next") ?? FirstNumber, row.Value.ETag) : (FirstNumber, default);
    }
}
