using InfoFloPay.Functions.Notifications.Composition;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>Heartbeat URLs on the desk's public address (<c>Desk__PublicBaseUrl</c>, as the email links use).</summary>
internal sealed class HeartbeatUrls(IOptions<DeskLinkOptions> options)
{
    public const string RoutePrefix = "/api/monitoring/heartbeats/";

    public string For(string secret) => (options.Value.PublicBaseUrl ?? DeskLinkOptions.LocalBaseUrl).TrimEnd('/') + RoutePrefix + secret;
}
