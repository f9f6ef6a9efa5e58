using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoFloPay.Functions.Notifications.Email;

/// <summary>
/// Signs each attempt with the ACS access key (HMAC-SHA256 over <c>VERB\nPathAndQuery\ndate;host;contentHash</c>).
/// A per-retry policy: every attempt gets a fresh <c>x-ms-date</c>, since the service rejects stale signatures.
/// </summary>
public sealed class AcsHmacAuthenticationPolicy(byte[] accessKey, TimeProvider clock) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sign(message.Request, ContentHash(message.Request, CancellationToken.None));
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sign(message.Request, ContentHash(message.Request, message.CancellationToken));
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>The signature of one request, as the service computes it.</summary>
    public static string ComputeSignature(byte[] accessKey, string method, string pathAndQuery, string date, string host, string contentHash)
    {
        var stringToSign = $"{method}\n{pathAndQuery}\n{date};{host};{contentHash}";
        return Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string ComputeContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    private void Sign(Request request, string contentHash)
    {
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var signature = ComputeSignature(accessKey, request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(
            HttpHeader.Names.Authorization,
            $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    private static string ContentHash(Request request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return ComputeContentHash([]);
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, cancellationToken);
        return ComputeContentHash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
