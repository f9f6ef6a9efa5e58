namespace InfoFloPay.Functions.Api;

/// <summary>An HTTP-level refusal (401, 413, 415, malformed JSON) raised before a request reaches a service.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors;
    }

    public ApiProblemException()
        : this(400, "Bad request", "The request is invalid.")
    {
    }

    public ApiProblemException(string message)
        : this(400, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad request";
    }

    public int Status { get; }

    public string Title { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public static ApiProblemException Unauthorized(string detail) => new(401, "Unauthorized", detail);

    public static ApiProblemException BadRequest(string field, string message) =>
        new(400, "Invalid request", message, new Dictionary<string, string[]> { [field] = [message] });
}
