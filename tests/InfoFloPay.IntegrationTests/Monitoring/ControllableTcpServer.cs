using System.Net;
using System.Net.Sockets;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>A real TCP listener on 127.0.0.1 that stops listening (connections refused) and listens again, on one port.</summary>
internal sealed class ControllableTcpServer : IDisposable
{
    private TcpListener? _listener;

    private ControllableTcpServer(TcpListener listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static ControllableTcpServer Start() => new(Listen(0));

    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
    }

    public void Restart()
    {
        Stop();
        _listener = Listen(Port);
    }

    public void Dispose() => Stop();

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // Lets a restart bind the port again while earlier connections sit in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAndCloseAsync(listener);
        return listener;
    }

    private static async Task AcceptAndCloseAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }
}
