namespace InfoFloPay.Domain.Monitoring;

/// <summary>The host and port of a TCP target, written <c>host:port</c> or <c>tcp://host:port</c>.</summary>
public sealed record TcpEndpoint(string Host, int Port)
{
    public static bool TryParse(string? text, out TcpEndpoint endpoint)
    {
        endpoint = new TcpEndpoint("", 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "tcp://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, "tcp", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(uri.Host)
            || uri.Port is < 1 or > 65535
            || uri.AbsolutePath is not ("/" or ""))
        {
            return false;
        }

        endpoint = new TcpEndpoint(uri.IdnHost, uri.Port);
        return true;
    }
}
