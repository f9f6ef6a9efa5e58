namespace InfoFloPay.Domain.Monitoring;

/// <summary>How a target is probed: an HTTP(S) request, or a bare TCP connect.</summary>
public enum ProbeKind
{
    Http,
    Tcp,
}
