using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.Bench;

/// <summary>What kind of storage request, for the raw replay: the same kinds, sizes and order against a scratch table.</summary>
public enum StorageRequestKind
{
    PointRead,
    Query,
    Batch,
    Insert,
    Update,
    Delete,
    Other,
}

/// <param name="Rows">Rows returned (query), operations in the change set (batch), else 1.</param>
/// <param name="Bytes">Request body size: what a write carries.</param>
/// <param name="Found">A point read that found its row (false: 404).</param>
/// <param name="Uri">The request's address: a read can be sent again as it was.</param>
public sealed record StorageRequest(StorageRequestKind Kind, string Table, int Rows, long Bytes, bool Found, Uri? Uri = null);

/// <summary>
/// Records every storage request the app makes (retries included), from any thread: the operation's own requests and
/// those its messages, notifications and outbox clean-up make afterwards. The benchmark runs one operation at a time
/// and lets it settle, so everything recorded between two <see cref="Take"/>s is that operation's storage work.
/// </summary>
public sealed class StorageRecorder : HttpPipelinePolicy
{
    private static readonly byte[] ChangeSetPart = Encoding.ASCII.GetBytes("Content-Type: application/http");

    private ConcurrentQueue<StorageRequest> _requests = new();

    public bool Enabled { get; set; } = true;

    /// <summary>Everything recorded since the last call.</summary>
    public IReadOnlyList<StorageRequest> Take() => [.. Interlocked.Exchange(ref _requests, new ConcurrentQueue<StorageRequest>())];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        if (Enabled)
        {
            _requests.Enqueue(Classify(message));
        }
    }

    private static StorageRequest Classify(HttpMessage message)
    {
        var request = message.Request;
        var path = Uri.UnescapeDataString(request.Uri.Path);
        var segment = path[(path.LastIndexOf('/') + 1)..];
        var keyed = segment.Contains("(PartitionKey=", StringComparison.Ordinal);
        var table = keyed ? segment[..segment.IndexOf('(', StringComparison.Ordinal)] : segment;
        var body = Body(request);
        var method = request.Method;
        var status = message.HasResponse ? message.Response.Status : 0;
        return segment switch
        {
            "$batch" => new(StorageRequestKind.Batch, "", Math.Max(1, Occurrences(body, ChangeSetPart)), body.Length, true),
            _ when method == RequestMethod.Get && keyed => new(StorageRequestKind.PointRead, table, 1, 0, status == 200, request.Uri.ToUri()),
            _ when method == RequestMethod.Get => new(StorageRequestKind.Query, table, RowsReturned(message), 0, true, request.Uri.ToUri()),
            _ when method == RequestMethod.Post && !table.StartsWith("Tables", StringComparison.Ordinal) => new(StorageRequestKind.Insert, table, 1, body.Length, true),
            _ when method == RequestMethod.Delete && keyed => new(StorageRequestKind.Delete, table, 1, 0, true),
            _ when keyed => new(StorageRequestKind.Update, table, 1, body.Length, true),
            _ => new(StorageRequestKind.Other, table, 1, body.Length, true),
        };
    }

    private static byte[] Body(Request request)
    {
        if (request.Content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static int RowsReturned(HttpMessage message)
    {
        if (!message.HasResponse || message.Response.Status != 200 || message.Response.Content is not { } content)
        {
            return 0;
        }

        try
        {
            using var json = JsonDocument.Parse(content.ToMemory());
            return json.RootElement.TryGetProperty("value", out var rows) ? rows.GetArrayLength() : 1;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static int Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> part)
    {
        var count = 0;
        int at;
        while ((at = text.IndexOf(part)) >= 0)
        {
            count++;
            text = text[(at + part.Length)..];
        }

        return count;
    }
}
