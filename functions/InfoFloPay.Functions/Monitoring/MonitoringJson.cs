using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>The API's JSON conventions: camelCase, enums as lower-case strings, nulls left out.</summary>
internal static class MonitoringJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new UtcInstantJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
