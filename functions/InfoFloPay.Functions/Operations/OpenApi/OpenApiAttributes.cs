namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>What an HTTP function does, for the served OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiOperationAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    /// <summary>Groups operations in the document, e.g. "Tickets".</summary>
    public string? Tag { get; init; }

    /// <summary>False for the few endpoints that need no <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    public bool RequiresPrincipal { get; init; } = true;
}

/// <summary>The JSON body an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiRequestBodyAttribute(Type bodyType) : Attribute
{
    public Type BodyType { get; } = bodyType;

    /// <summary>False for a route that also accepts no body at all (e.g. an empty object is all it takes).</summary>
    public bool Required { get; init; } = true;
}

/// <summary>A <c>multipart/form-data</c> body carrying one file in the form field <see cref="Field"/> (a binary string).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiFileUploadAttribute(string field, string description) : Attribute
{
    public string Field { get; } = field;

    public string Description { get; } = description;
}

/// <summary>A response an HTTP function gives; <see cref="BodyType"/> null means no body.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;

    public string Description { get; } = description;

    public Type? BodyType { get; init; }

    /// <summary>
    /// A body that is not JSON (e.g. <c>text/html</c> for a page a person opens from an email), described as a string;
    /// a 4xx declared this way is that page, not a problem document.
    /// </summary>
    public string? MediaType { get; init; }

    /// <summary>Response headers it sets, by name from <see cref="OpenApiHeaders"/> (e.g. ETag, Location).</summary>
    public string[] Headers { get; init; } = [];
}

/// <summary>A query parameter an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>The value's type: string by default; an enum type lists its wire names; int, bool and DateTimeOffset as JSON would.</summary>
    public Type Type { get; init; } = typeof(string);

    /// <summary>True when the function refuses a request without it (400).</summary>
    public bool Required { get; init; }
}

/// <summary>A request header an HTTP function reads, by name from <see cref="OpenApiHeaders"/> (If-Match, Idempotency-Key).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiRequestHeaderAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The problem responses (application/problem+json) an HTTP function may give.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiProblemsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
