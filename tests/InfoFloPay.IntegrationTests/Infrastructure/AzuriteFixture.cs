using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// Starts Azurite's Table service from the repo's node_modules, in memory, on a free loopback port,
/// and stops it when the tests are done. One instance serves a whole test collection.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public int TablePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    public TableServiceClient CreateServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run 'npm ci' in the repository root (the README's test command does).");
        }

        // A port picked as free can be taken before Azurite binds it; a few attempts make that race harmless.
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            TablePort = FreeLoopbackPort();
            _process = Process.Start(new ProcessStartInfo(executable,
                ["--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                 "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            })!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            try
            {
                await WaitUntilListeningAsync();
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                lastFailure = ex;
                await DisposeAsync();
            }
        }

        throw new InvalidOperationException("Azurite did not start after 5 attempts.", lastFailure);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, TablePort, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {TablePort} within 30 seconds.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
