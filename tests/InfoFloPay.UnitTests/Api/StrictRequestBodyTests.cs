using System.Text;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.UnitTests.Api;

public sealed class StrictRequestBodyTests
{
    [Theory]
    [InlineData("""{"body":"Fixed now","visibility":"internal"}""", "visibility")]
    [InlineData("""{"body":"Fixed now","internl":true}""", "internl")]
    public async Task An_unknown_property_is_400_naming_it(string json, string field)
    {
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadAsync<ReplyRequest>(Post(json), default));

        Assert.Equal(400, refused.Status);
        Assert.Equal([field], refused.Errors!.Keys);
        Assert.Contains($"'{field}'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InfoFloPay", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_property_inside_a_nested_object_is_named_with_its_path()
    {
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadAsync<NewTicketRequest>(
            Post("""{"subject":"s","description":"d","requester":{"email":"a@b.test","phone":"123"}}"""), default));

        Assert.Equal("requester.phone", Assert.Single(refused.Errors!.Keys));
    }

    [Fact]
    public async Task A_wrong_type_is_400_naming_the_field()
    {
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() =>
            JsonRequestBody.ReadAsync<ReplyRequest>(Post("""{"body":"x","internal":"yes"}"""), default));

        Assert.Equal((400, "internal"), (refused.Status, Assert.Single(refused.Errors!.Keys)));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'b', (byte)'o', (byte)'d', (byte)'y', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'[', (byte)']' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'b' })]
    [InlineData(new byte[] { (byte)'4', (byte)'2' })]
    public async Task Malformed_json_including_invalid_utf8_is_400(byte[] body)
    {
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadAsync<ReplyRequest>(Post(body), default));

        Assert.Equal(400, refused.Status);
    }

    private static HttpRequest Post(string json) => Post(Encoding.UTF8.GetBytes(json));

    private static HttpRequest Post(byte[] bytes)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
