using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// Builds the request an HTTP function receives and writes its result the way the ASP.NET Core integration does,
/// so a test reads the status, headers and JSON body a caller would get.
/// </summary>
internal static class ApiCall
{
    private static readonly IServiceProvider MvcServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    public static HttpRequest Request(string method, string? role, object? body = null, string? rawBody = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = MvcServices };
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query is null ? "" : "?" + query);
        context.Response.Body = new MemoryStream();
        if (role is not null)
        {
            var principal = JsonSerializer.Serialize(new
            {
                auth_typ = "aad",
                name_typ = "preferred_username",
                role_typ = "roles",
                claims = new[] { new { typ = "preferred_username", val = "mia@infoflopay.example" }, new { typ = "roles", val = role } },
            });
            context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal));
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
