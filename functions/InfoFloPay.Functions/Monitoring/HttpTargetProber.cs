using System.Globalization;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>GETs an HTTP(S) target: healthy when the status is the expected one and the body has the expected text.</summary>
internal sealed class HttpTargetProber(IHttpClientFactory clients, TimeProvider clock) : ITargetProber
{
    public const string ClientName = "monitoring";

    // Enough to find a marker in a health page without letting a huge response eat memory.
    private const int MaxBodyChars = 256 * 1024;

    public ProbeKind Kind => ProbeKind.Http;

    public async Task<ProbeOutcome> ProbeAsync(MonitoredTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var started = clock.GetTimestamp();
        // The timeout is a real network deadline, so it runs on the system timer even when business time is faked.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status != target.ExpectedStatus)
            {
                return ProbeOutcome.Failure(status, clock.GetElapsedTime(started), Text($"HTTP {status}, expected {target.ExpectedStatus}."));
            }

            if (target.BodyContains is { } expected)
            {
                var body = await ReadBodyAsync(response, deadline.Token).ConfigureAwait(false);
                if (!body.Contains(expected, StringComparison.Ordinal))
                {
                    return ProbeOutcome.Failure(status, clock.GetElapsedTime(started), Text($"HTTP {status}, but the body lacks \"{expected}\"."));
                }
            }

            return ProbeOutcome.Success(status, clock.GetElapsedTime(started), Text($"HTTP {status}."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failure(null, clock.GetElapsedTime(started), Text($"No answer within {target.TimeoutSeconds} s."));
        }
        catch (HttpRequestException ex)
        {
            return ProbeOutcome.Failure(null, clock.GetElapsedTime(started), $"Request failed: {ex.Message}");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            var buffer = new char[MaxBodyChars];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return new string(buffer, 0, filled);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
