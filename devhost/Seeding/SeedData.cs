using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.DevHost.Seeding;

/// <summary>
/// Demo data loaded through the public API (so it goes through the same validation as any client):
/// requests are sent as the given principal, PUTs are idempotent and ticket creation carries an Idempotency-Key,
/// so seeding twice changes nothing.
/// </summary>
public sealed record SeedData(IReadOnlyList<SeedRequest> Requests)
{
    public static SeedData Load(string path) =>
        JsonSerializer.Deserialize<SeedData>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Seed file {path} is empty.");
}

public sealed record SeedRequest(string Method, string Path, string As, IReadOnlyList<string>? Roles, JsonObject Body, string? IdempotencyKey);
