using InfoFloPay.Functions.Notifications.Email;

namespace InfoFloPay.UnitTests.Notifications;

public class AcsConnectionStringTests
{
    [Fact]
    public void Reads_endpoint_and_access_key_in_any_case_and_order()
    {
        Assert.True(AcsConnectionString.TryParse("AccessKey=pw==; Endpoint=https://contoso.communication.azure.com/", out var parsed));

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal(Convert.FromBase64String("pw=="), parsed.AccessKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("endpoint=https://contoso.communication.azure.com/")]
    [InlineData("accesskey=pw==")]
    [InlineData("endpoint=not a url;accesskey=pw==")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not*base64")]
    public void Rejects_incomplete_or_malformed_strings(string value)
    {
        Assert.False(AcsConnectionString.TryParse(value, out _));
    }
}
