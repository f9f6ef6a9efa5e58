using System.Text;
using System.Text.Json;
using InfoFloPay.DevHost.Seeding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// Builds the request an HTTP function receives and writes its result the way the host does, so a test reads the
/// status, headers and JSON body a caller would get.
/// </summary>
internal static class ApiCall
{
    /// <summary><paramref name="principal"/> is an <c>X-MS-CLIENT-PRINCIPAL</c> value (<see cref="PrincipalHeader.For"/>); null sends none.</summary>
    public static HttpRequest Request(string method, string? principal, object? body = null, string? rawBody = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query is null ? "" : "?" + query);
        context.Response.Body = new MemoryStream();
        if (principal is not null)
        {
            context.Request.Headers[PrincipalHeader.Name] = principal;
        }

        var text = rawBody ?? (body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
        if (text is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(text));
        }

        return context.Request;
    }

    public static async Task<ApiResponse> ResponseAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new ApiResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.Headers,
            text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }
}

internal sealed record ApiResponse(int Status, string? ContentType, IHeaderDictionary Headers, JsonElement? Body)
{
    /// <summary>The content type without parameters such as charset.</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim();

    public JsonElement Json => Body ?? throw new InvalidOperationException("The response has no body.");
}
