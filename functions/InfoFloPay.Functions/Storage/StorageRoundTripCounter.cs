using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.Functions.Storage;

/// <summary>
/// Counts requests sent to storage (retries included), so the benchmark and the round-trip tests can measure
/// what one API operation costs. Add it to <c>TableClientOptions</c> per retry.
/// </summary>
public sealed class StorageRoundTripCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public long Reset() => Interlocked.Exchange(ref _count, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
