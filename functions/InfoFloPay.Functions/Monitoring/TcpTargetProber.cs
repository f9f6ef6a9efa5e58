using System.Globalization;
using System.Net.Sockets;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Opens a TCP connection to a target: healthy when the connect completes within the target's timeout.</summary>
internal sealed class TcpTargetProber(TimeProvider clock) : ITargetProber
{
    public ProbeKind Kind => ProbeKind.Tcp;

    public async Task<ProbeOutcome> ProbeAsync(MonitoredTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!TcpEndpoint.TryParse(target.Url, out var endpoint))
        {
            return ProbeOutcome.Failure(null, TimeSpan.Zero, $"Not a host:port address: {target.Url}");
        }

        var started = clock.GetTimestamp();
        // The timeout is a real network deadline, so it runs on the system timer even when business time is faked.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token).ConfigureAwait(false);
            return ProbeOutcome.Success(null, clock.GetElapsedTime(started), Text($"Connected to {endpoint.Host}:{endpoint.Port}."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failure(null, clock.GetElapsedTime(started), Text($"No connection within {target.TimeoutSeconds} s."));
        }
        catch (SocketException ex)
        {
            return ProbeOutcome.Failure(null, clock.GetElapsedTime(started), Text($"Connect to {endpoint.Host}:{endpoint.Port} failed: {ex.SocketErrorCode}."));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
