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
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            _process.OutputDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }

                // Azurite says so once the Table service accepts connections.
                if (line.Data?.Contains("successfully started", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            };
            _process.ErrorDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            _process.EnableRaisingEvents = true;
            _process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"Azurite exited: {output}"));
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            try
            {
                await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
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
