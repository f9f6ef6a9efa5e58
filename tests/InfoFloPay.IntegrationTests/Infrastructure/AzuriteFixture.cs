using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// Starts Azurite's Table and Blob services from the repo's node_modules, in memory, each on a free loopback port,
/// and stops them when the tests are done. One instance serves a whole test collection.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private Process? _blobProcess;

    public int TablePort { get; private set; }

    public int BlobPort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};";

    public TableServiceClient CreateServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var table = StartAsync("azurite-table", "--tableHost", "--tablePort");
        var blob = StartAsync("azurite-blob", "--blobHost", "--blobPort");
        try
        {
            await Task.WhenAll(table, blob);
        }
        catch
        {
            // One service failing to start must not leave the other running.
            foreach (var started in new[] { table, blob }.Where(t => t.IsCompletedSuccessfully))
            {
                Stop(started.Result.Process);
            }

            throw;
        }

        (_process, TablePort) = table.Result;
        (_blobProcess, BlobPort) = blob.Result;
    }

    private static async Task<(Process Process, int Port)> StartAsync(string service, string hostOption, string portOption)
    {
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", service);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run 'npm ci' in the repository root (the README's test command does).");
        }

        // A port picked as free can be taken before Azurite binds it; a few attempts make that race harmless.
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreeLoopbackPort();
            var process = Process.Start(new ProcessStartInfo(executable,
                ["--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                 hostOption, "127.0.0.1", portOption, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            })!;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }

                // Azurite says so once the service accepts connections (Table: "successfully started", Blob: "successfully listens").
                if (line.Data is { } text && (text.Contains("successfully started", StringComparison.Ordinal) || text.Contains("successfully listens", StringComparison.Ordinal)))
                {
                    started.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, line) =>
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) =>
            {
                // Exited can run on the disposing thread (WaitForExit raises it) while the reader still appends: read under the lock.
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                started.TrySetException(new InvalidOperationException($"Azurite exited: {text}"));
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            try
            {
                await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                return (process, port);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                lastFailure = ex;
                Stop(process);
            }
        }

        throw new InvalidOperationException($"Azurite ({service}) did not start after 5 attempts.", lastFailure);
    }

    public Task DisposeAsync()
    {
        Stop(_process);
        _process = null;
        Stop(_blobProcess);
        _blobProcess = null;
        return Task.CompletedTask;
    }

    private static void Stop(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
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
