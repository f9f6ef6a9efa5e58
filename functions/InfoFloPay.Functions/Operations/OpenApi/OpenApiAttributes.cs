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
}

/// <summary>A response an HTTP function gives; <see cref="BodyType"/> null means no body.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;

    public string Description { get; } = description;

    public Type? BodyType { get; init; }
}

/// <summary>A query parameter an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OpenApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}

/// <summary>The problem responses (application/problem+json) an HTTP function may give.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiProblemsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
