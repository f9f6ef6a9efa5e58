using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.IntegrationTests.Sla;

/// <summary>Counts the table entities storage returned: every entity of a query page, one for a point read.</summary>
public sealed class TableEntitiesReadCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Tally(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Tally(message);
    }

    private void Tally(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200 || message.Response.Content.ToMemory().IsEmpty)
        {
            return;
        }

        using var body = JsonDocument.Parse(message.Response.Content.ToMemory());
        var entities = body.RootElement.TryGetProperty("value", out var page) && page.ValueKind == JsonValueKind.Array ? page.GetArrayLength() : 1;
        Interlocked.Add(ref _count, entities);
    }
}
