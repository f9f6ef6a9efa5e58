using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InfoFloPay.Functions.Api;

/// <summary>Reads a JSON request body within a size limit: wrong media type → 415, too large → 413, malformed → 400.</summary>
public static class JsonRequestBody
{
    /// <summary>The API's limit: every API body is a small command or document.</summary>
    public const int MaxBytes = 64 * 1024;

    public static Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync<T>(request, MaxBytes, cancellationToken);

    /// <summary>
    /// For a command whose body is <c>{}</c> or nothing (<c>curl -X POST</c> sends no length at all): checks a body that is
    /// there as <see cref="ReadAsync{T}(HttpRequest, CancellationToken)"/> does (so an unknown property is still a 400),
    /// and accepts none.
    /// </summary>
    public static async Task ReadIfPresentAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        // Kestrel knows whether a body follows (a length above zero, or chunked); without it, only a zero length says none.
        var detection = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>();
        if (detection?.CanHaveBody ?? request.ContentLength is not 0)
        {
            await ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a body of at most <paramref name="maxBytes"/> (for endpoints whose senders cannot shorten what they send).</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), HelpdeskJson.RequestBody)
                ?? throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid request", "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.DecoderFallbackException)
        {
            // Invalid UTF-8 (in a property name or a string) surfaces as one of these, not as a JsonException.
            throw ApiProblemException.BadRequest("body", "The body is not valid UTF-8 JSON.");
        }
    }

    /// <summary>Names the offending member the way the client wrote it (<c>replies[0].bodyy</c>), never the .NET type.</summary>
    internal static ApiProblemException Malformed(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        if (ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return ApiProblemException.BadRequest(field, $"Unknown property '{field}': this request has no such field.");
        }

        return ApiProblemException.BadRequest(field, field == "body"
            ? "The body is not valid JSON for this request."
            : $"The body is not valid JSON for this request at '{field}' (wrong type or malformed value).");
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        // STJ writes awkward names in bracket form ($['a b']); keep the name itself readable.
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    private static ApiProblemException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body must be at most {maxBytes / 1024} KB.");
}
