using System.Text.Json;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>A request the ACS Email stand-in received, with what it found wrong (none when ACS would accept it).</summary>
public sealed record AcsEmailRequest(RecordedRequest Request, string? SignatureProblem, IReadOnlyList<string> BodyProblems)
{
    public string Method => Request.Method;

    public string RawTarget => Request.RawTarget;

    public IReadOnlyDictionary<string, string> Headers => Request.Headers;

    public JsonElement Json => Request.Json;

    public DateTimeOffset ReceivedAt => Request.ReceivedAt;
}
