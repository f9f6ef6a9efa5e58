using System.Text.Json;
using InfoFloPay.Functions;

namespace InfoFloPay.UnitTests.Api;

public sealed class UtcInstantJsonTests
{
    [Theory]
    [InlineData("2026-11-26T09:03:00-05:00", "\"2026-11-26T14:03:00Z\"")]
    [InlineData("2026-11-26T14:03:00.25+00:00", "\"2026-11-26T14:03:00.25Z\"")]
    public void Instants_are_written_in_utc_with_a_z_as_the_api_contract_spells_them(string instant, string json)
    {
        var value = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(json, JsonSerializer.Serialize(value, HelpdeskJson.Options));
        Assert.Equal(value, JsonSerializer.Deserialize<DateTimeOffset>(json, HelpdeskJson.Options));
    }
}
