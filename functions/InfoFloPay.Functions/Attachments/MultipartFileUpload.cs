using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace InfoFloPay.Functions.Attachments;

/// <summary>
/// The one <c>file</c> field of a <c>multipart/form-data</c> upload, read straight off the request body: the part's
/// bytes are a stream, never a buffered form. Any other field is refused by name (request bodies are strict).
/// </summary>
public sealed class MultipartFileUpload
{
    public const string FieldName = "file";

    private readonly MultipartReader _reader;

    private MultipartFileUpload(MultipartReader reader, string fileName, Stream content)
    {
        _reader = reader;
        FileName = fileName;
        Content = content;
    }

    /// <summary>The client's file name, not yet cleaned.</summary>
    public string FileName { get; }

    public Stream Content { get; }

    public static async Task<MultipartFileUpload> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the file as multipart/form-data in a field named '{FieldName}'.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        var section = await NextSectionAsync(reader, cancellationToken).ConfigureAwait(false)
            ?? throw ApiProblemException.BadRequest(FieldName, $"The form has no field named '{FieldName}'.");
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.IsFileDisposition()
            || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.Ordinal))
        {
            var name = disposition is null ? "(unnamed)" : HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "(unnamed)";
            throw Unexpected(name);
        }

        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        return new MultipartFileUpload(reader, fileName ?? string.Empty, section.Body);
    }

    /// <summary>Refuses a form that goes on after the file: call once the file has been read to its end.</summary>
    public async Task EnsureNothingFollowsAsync(CancellationToken cancellationToken)
    {
        if (await NextSectionAsync(_reader, cancellationToken).ConfigureAwait(false) is { } extra)
        {
            var name = ContentDispositionHeaderValue.TryParse(extra.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "(unnamed)"
                : "(unnamed)";
            throw Unexpected(name);
        }
    }

    private static ApiProblemException Unexpected(string name) =>
        ApiProblemException.BadRequest(name, $"Unexpected form field '{name}': send exactly one field, '{FieldName}', holding the file.");

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Invalid request", "The multipart/form-data body is malformed: " + ex.Message);
        }
    }
}
