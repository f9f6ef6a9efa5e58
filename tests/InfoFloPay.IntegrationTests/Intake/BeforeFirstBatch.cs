using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.IntegrationTests.Intake;

/// <summary>Runs <paramref name="interlude"/> once, just before the first batch transaction goes out on this client: another
/// writer's commit landing between a read and the write that relies on it.</summary>
public sealed class BeforeFirstBatch(Func<Task> interlude) : HttpPipelinePolicy
{
    private int _fired;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsBatch(message) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await interlude().ConfigureAwait(false);
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table clients under test are used asynchronously.");

    private static bool IsBatch(HttpMessage message) =>
        message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);
}
