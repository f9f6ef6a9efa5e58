using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>The address a webhook may not reach (<see cref="WebhookTargetGuard"/>).</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// Keeps webhooks off the desk's own network (SSRF): unless <c>Webhooks__AllowPrivateTargets</c> is on (the local
/// default), a target whose host is, or resolves to, a loopback, link-local, private (RFC 1918, CGNAT, ULA) or otherwise
/// non-public address is refused: at PUT, on every address the name resolves to, and again when each delivery connects
/// (the connection goes to an address that was checked, so a name re-pointed after the PUT cannot get through).
/// </summary>
public sealed class WebhookTargetGuard(IOptions<WebhookOptions> options)
{
    public bool AllowsPrivateTargets => options.Value.AllowPrivateTargets ?? true;

    /// <summary>Why <paramref name="url"/> may not be a target, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (AllowsPrivateTargets)
        {
            return null;
        }

        try
        {
            await AllowedAddressesAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (WebhookTargetRefusedException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the delivery client: connects only to checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = AllowsPrivateTargets
            ? await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false)
            : await AllowedAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for every address a webhook may not reach from Azure.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsNonPublic(address.MapToIPv4());
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return bytes[0] switch
            {
                0 => true,                                   // "this network", 0.0.0.0
                10 => true,                                  // RFC 1918
                100 => bytes[1] is >= 64 and <= 127,         // CGNAT 100.64.0.0/10
                127 => true,                                 // loopback
                169 => bytes[1] == 254,                      // link-local, cloud metadata (169.254.169.254)
                172 => bytes[1] is >= 16 and <= 31,          // RFC 1918
                192 => bytes[1] == 168 || (bytes[1] == 0 && bytes[2] == 0), // RFC 1918, IETF protocol assignments
                198 => bytes[1] is 18 or 19,                 // benchmarking 198.18.0.0/15
                >= 224 => true,                              // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6None))
        {
            return true;                                     // ::1, ::
        }

        if ((bytes[0] & 0xFE) == 0xFC                        // unique local fc00::/7
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) // link-local fe80::/10
            || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0xC0) // site-local fec0::/10 (deprecated)
            || bytes[0] == 0xFF)                             // multicast
        {
            return true;
        }

        // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
        return bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes[4..12].All(b => b == 0)
            && IsNonPublic(new IPAddress(bytes[12..]));
    }

    private static async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new WebhookTargetRefusedException($"The host '{host}' does not resolve ({ex.SocketErrorCode}).");
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"The host '{host}' does not resolve.");
        }

        if (addresses.FirstOrDefault(IsNonPublic) is { } forbidden)
        {
            throw new WebhookTargetRefusedException(
                $"The host '{host}' is, or resolves to, {forbidden}: a loopback, link-local or private address that webhooks may not reach.");
        }

        return addresses;
    }
}
