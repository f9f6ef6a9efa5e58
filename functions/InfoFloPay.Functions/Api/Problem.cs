using System.Text.Json.Serialization;

namespace InfoFloPay.Functions.Api;

/// <summary>An RFC 9457 problem document.</summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    public static ApiResult Result(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new Problem(TypeFor(status), title, status, detail, errors is { Count: > 0 } ? errors : null), ContentType);

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        412 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
