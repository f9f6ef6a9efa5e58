using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoFloPay.Functions;

/// <summary>The one JSON shape of the API, stored documents and Service Bus messages: camelCase, enums as lower-case
/// (kebab) strings, instants in UTC with a Z, nulls left out. Stored documents and messages ignore unknown properties
/// (a row written by a newer version must stay readable); request bodies refuse them (<see cref="RequestBody"/>).</summary>
public static class HelpdeskJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// How every API request body is read: the same shape, but an unknown property is an error, so a typo or a field
    /// the API does not have (<c>"visibility": "internal"</c> on a reply) is a 400 naming it instead of being silently
    /// dropped while the rest of the request goes ahead. No request type needs extension data: the one open-ended
    /// input, an inbound email's <c>headers</c>, is a dictionary, which takes any key.
    /// </summary>
    public static readonly JsonSerializerOptions RequestBody = CreateStrict(Options);

    private static JsonSerializerOptions CreateStrict(JsonSerializerOptions shape)
    {
        var options = new JsonSerializerOptions(shape) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Non-ASCII text stays as written rather than \uXXXX, so stored documents stay within property limits.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcInstantJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
