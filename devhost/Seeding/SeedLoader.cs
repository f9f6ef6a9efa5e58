using System.Net.Http.Json;

namespace InfoFloPay.DevHost.Seeding;

public sealed partial class SeedLoader(ILogger<SeedLoader> logger)
{
    public async Task<int> LoadAsync(HttpClient client, SeedData seed, CancellationToken cancellationToken)
    {
        var failures = 0;
        foreach (var request in seed.Requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path)
            {
                Content = JsonContent.Create(request.Body),
            };
            message.Headers.Add(PrincipalHeader.Name, PrincipalHeader.For(request.As, [.. request.Roles ?? []]));
            if (request.IdempotencyKey is { } key)
            {
                message.Headers.Add("Idempotency-Key", key);
            }

            using var response = await client.SendAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                LogSeeded(request.Method, request.Path, (int)response.StatusCode);
            }
            else
            {
                failures++;
                LogSeedFailed(request.Method, request.Path, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }

        return failures;
    }

    [LoggerMessage(LogLevel.Information, "Seeded {Method} {Path} → {Status}")]
    private partial void LogSeeded(string method, string path, int status);

    [LoggerMessage(LogLevel.Warning, "Seeding {Method} {Path} failed with {Status}: {Problem}")]
    private partial void LogSeedFailed(string method, string path, int status, string problem);
}
