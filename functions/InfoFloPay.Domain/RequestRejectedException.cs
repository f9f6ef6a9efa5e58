namespace InfoFloPay.Domain;

/// <summary>A request the desk refuses for a reason the caller can act on; HTTP adapters turn it into problem+json.</summary>
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(Rejection kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public RequestRejectedException()
        : this(Rejection.Invalid, "The request is invalid.")
    {
    }

    public RequestRejectedException(string message)
        : this(Rejection.Invalid, message)
    {
    }

    public RequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = Rejection.Invalid;
        Errors = new Dictionary<string, string[]>();
    }

    public Rejection Kind { get; }

    /// <summary>Validation messages by field name (camelCase, as in the request body).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static RequestRejectedException Validation(ValidationErrors errors) =>
        new(Rejection.Invalid, "One or more fields are invalid.", errors.ToDictionary());

    public static RequestRejectedException NotFound(string what) => new(Rejection.NotFound, $"{what} was not found.");

    public static RequestRejectedException Forbidden(string detail) => new(Rejection.Forbidden, detail);

    public static RequestRejectedException Conflict(string detail) => new(Rejection.Conflict, detail);
}

public enum Rejection
{
    /// <summary>400: a field is missing or malformed.</summary>
    Invalid,

    /// <summary>403: the caller is known but may not do this.</summary>
    Forbidden,

    /// <summary>404: does not exist, or exists in another account (never leak which).</summary>
    NotFound,

    /// <summary>409: not allowed in the resource's current state.</summary>
    Conflict,

    /// <summary>412: the caller's If-Match ETag is stale.</summary>
    Stale,

    /// <summary>422: an Idempotency-Key reused with a different request.</summary>
    IdempotencyMismatch,
}
