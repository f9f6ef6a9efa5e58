using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InfoFloPay.Functions.Api;

/// <summary>
/// Writes a status, headers and a JSON body straight to the response with the app's JSON options, so the result
/// is the same under the Functions host and the local host whatever their MVC formatter settings.
/// </summary>
public sealed class ApiResult(int status, object? body, string contentType = "application/json") : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public int Status => status;

    public object? Body => body;

    public IReadOnlyDictionary<string, string> Headers => _headers;

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public ApiResult WithHeader(string name, string? value)
    {
        if (value is not null)
        {
            _headers[name] = value;
        }

        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        if (body is not null)
        {
            response.ContentType = contentType;
            await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), HelpdeskJson.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
