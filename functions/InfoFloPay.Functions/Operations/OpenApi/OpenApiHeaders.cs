using InfoFloPay.Functions.Tickets;
using Microsoft.OpenApi;

namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>The headers the API reads and writes, by name, as the document describes them (components, referenced by routes).</summary>
public static class OpenApiHeaders
{
    public const string IfMatch = "If-Match";

    public const string IdempotencyKey = "Idempotency-Key";

    public const string ETag = "ETag";

    public const string Location = "Location";

    public const string RetryAfter = "Retry-After";

    public const string IdempotentReplayed = "Idempotent-Replayed";

    public const string CacheControl = "Cache-Control";

    internal static IReadOnlyDictionary<string, OpenApiParameter> RequestHeaders { get; } = new Dictionary<string, OpenApiParameter>(StringComparer.OrdinalIgnoreCase)
    {
        [IfMatch] = new()
        {
            Name = IfMatch,
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag this change is based on (from a GET or the previous write); a stale one answers 412 and nothing is changed. " +
                "Without it the write is unconditional. A malformed value answers 400.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = "W/\"datetime'2026-11-24T14%3A00%3A00.0000000Z'\"",
        },
        [IdempotencyKey] = new()
        {
            Name = IdempotencyKey,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes the create safe to retry (for example after a timeout or a 503): the same key with the same body replays the " +
                "first answer with Idempotent-Replayed: true; the same key with another body answers 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = CreateTicketFunction.IdempotencyKeyMaxLength },
            Example = "5d0c3f4e-5b1a-4f3e-9a53-3f3c7f2b8e10",
        },
    };

    internal static IReadOnlyDictionary<string, OpenApiHeader> ResponseHeaders { get; } = new Dictionary<string, OpenApiHeader>(StringComparer.OrdinalIgnoreCase)
    {
        [ETag] = new()
        {
            Description = "The resource's version; send it back as If-Match to change it without overwriting someone else's change.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        [Location] = new()
        {
            Description = "Where the created resource is read.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        },
        [RetryAfter] = new()
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
        },
        [IdempotentReplayed] = new()
        {
            Description = "true when this is the stored first answer to a repeated request (Idempotency-Key, or a Message-ID seen before); absent otherwise.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
        },
        [CacheControl] = new()
        {
            Description = "How long the answer may be reused (public, max-age in seconds): the server reads storage at most once per that time.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
