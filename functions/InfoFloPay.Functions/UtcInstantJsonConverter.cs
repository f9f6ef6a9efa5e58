using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoFloPay.Functions;

/// <summary>Writes instants as API.md spells them, ISO-8601 in UTC with a <c>Z</c> (<c>2026-11-26T14:03:00Z</c>);
/// reads any ISO-8601 offset.</summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
