using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoFloPay.Functions;

/// <summary>The one JSON shape of the API, stored documents and Service Bus messages: camelCase, enums as lower-case
/// (kebab) strings, instants in UTC with a Z, nulls left out, unknown properties ignored.</summary>
public static class HelpdeskJson
{
    public static readonly JsonSerializerOptions Options = Create();

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
