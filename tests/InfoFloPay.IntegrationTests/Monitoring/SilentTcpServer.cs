using System.Net;
using System.Net.Sockets;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// A hanging target: it listens, so connections are accepted (by the kernel's backlog), but never reads or answers.
/// An HTTP probe of it waits until its own timeout.
/// </summary>
internal sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener _listener;

    public SilentTcpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    public string HttpUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/health";

    public void Dispose() => _listener.Stop();
}
