using System.Text;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Intake;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.UnitTests.Api;

public sealed class JsonRequestBodyTests
{
    private sealed record Note(string Text);

    [Fact]
    public async Task The_api_keeps_its_64_KB_limit_and_a_caller_may_set_a_larger_one()
    {
        var json = $$"""{"text":"{{new string('x', 100 * 1024)}}"}""";

        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => JsonRequestBody.ReadAsync<Note>(Post(json, withLength: true), default));
        var read = await JsonRequestBody.ReadAsync<Note>(Post(json, withLength: false), InboundEmailFunction.MaxBodyBytes, default);

        Assert.Equal((413, "The body must be at most 64 KB."), (refused.Status, refused.Message));
        Assert.Equal(100 * 1024, read.Text.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_given_limit_is_413_whether_or_not_it_declares_its_length(bool withLength)
    {
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() =>
            JsonRequestBody.ReadAsync<Note>(Post($$"""{"text":"{{new string('x', 2048)}}"}""", withLength), maxBytes: 2048, default));

        Assert.Equal((413, "The body must be at most 2 KB."), (refused.Status, refused.Message));
    }

    private static HttpRequest Post(string json, bool withLength)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = withLength ? bytes.Length : null;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }
}
