using System.Text;
using System.Text.Json;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>One request as it reached a <see cref="LoopbackHttpServer"/>: the raw target and body exactly as sent.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] BodyBytes,
    DateTimeOffset ReceivedAt)
{
    public string Body => Encoding.UTF8.GetString(BodyBytes);

    public string ContentType => Headers.TryGetValue("Content-Type", out var contentType) ? contentType : "";

    public JsonElement Json => JsonDocument.Parse(BodyBytes).RootElement;
}
