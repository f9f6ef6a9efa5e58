namespace InfoFloPay.Domain.Monitoring;

/// <summary>How a target is probed: an HTTP(S) request, a bare TCP connect, or a heartbeat the target must send.</summary>
public enum ProbeKind
{
    Http,
    Tcp,
    Heartbeat,
}
