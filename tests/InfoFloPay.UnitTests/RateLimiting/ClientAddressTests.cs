using System.Net;
using InfoFloPay.Functions.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.UnitTests.RateLimiting;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7:443", "203.0.113.7")]
    [InlineData("[2001:db8::7]:443", "2001:db8::7")]
    [InlineData("203.0.113.9", "203.0.113.9")]
    public void The_front_ends_entry_in_x_forwarded_for_is_the_client(string forwarded, string client)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Forwarded-For"] = forwarded;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;

        Assert.Equal(client, CallerRateLimits.ClientAddress(context.Request));
    }

    [Fact]
    public void Without_the_header_the_peer_is_the_client()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.4");

        Assert.Equal("192.0.2.4", CallerRateLimits.ClientAddress(context.Request));
    }
}
