using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>
/// Schemas for the bodies the API reads and writes, from System.Text.Json's own contract for them (so names, enum
/// spellings and ignored members are exactly what goes over the wire) and from C# nullability. Objects and enums become
/// named components; a response type and a request type with the same name cannot collide because requests are named
/// after their own types.
/// </summary>
internal sealed class OpenApiSchemaCatalog(OpenApiDocument document, JsonSerializerOptions responseOptions, JsonSerializerOptions requestOptions)
{
    private readonly Dictionary<(Type, Direction), string> _names = [];

    public enum Direction
    {
        /// <summary>As the API writes it: nulls are left out unless a property always writes them.</summary>
        Response,

        /// <summary>As the API reads it: strict (unknown properties are refused), required fields from <see cref="RequestBodyContracts"/>.</summary>
        Request,
    }

    private IDictionary<string, IOpenApiSchema> Components => document.Components!.Schemas!;

    public IOpenApiSchema For(Type type, Direction direction) => Schema(type, direction, contractEnum: null);

    /// <summary>A named enum component with the wire names of <paramref name="enumType"/>.</summary>
    public IOpenApiSchema Enum(Type enumType)
    {
        var name = enumType.Name;
        if (!Components.ContainsKey(name))
        {
            var naming = JsonNamingPolicy.KebabCaseLower;
            Components[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. System.Enum.GetNames(enumType).Select(member => (JsonNode)JsonValue.Create(WireName(enumType, member, naming))!)],
            };
        }

        return new OpenApiSchemaReference(name, document);
    }

    private IOpenApiSchema Schema(Type type, Direction direction, Type? contractEnum)
    {
        if (contractEnum is not null)
        {
            return Enum(contractEnum);
        }

        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
        }

        if (type.IsEnum)
        {
            return Enum(type);
        }

        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        var info = (direction == Direction.Request ? requestOptions : responseOptions).GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schema(info.ElementType!, direction, null) },
            JsonTypeInfoKind.Dictionary => new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = Schema(info.ElementType!, direction, null),
            },
            JsonTypeInfoKind.Object => ObjectReference(info, direction),
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    private OpenApiSchemaReference ObjectReference(JsonTypeInfo info, Direction direction)
    {
        if (!_names.TryGetValue((info.Type, direction), out var name))
        {
            name = ComponentName(info.Type, direction);
            _names[(info.Type, direction)] = name;

            // Registered before its properties so a type that refers to itself ends in a reference, not a loop.
            var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
            Components[name] = schema;
            Describe(schema, info, direction);
        }

        return new OpenApiSchemaReference(name, document);
    }

    private string ComponentName(Type type, Direction direction)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(a => a.Name)) : type.Name;
        var taken = _names.Values.ToHashSet(StringComparer.Ordinal);
        if (direction == Direction.Request && taken.Contains(name))
        {
            name += "Input";
        }

        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private void Describe(OpenApiSchema schema, JsonTypeInfo info, Direction direction)
    {
        var contract = direction == Direction.Request ? RequestBodyContracts.For(info.Type) : null;
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            var nullable = direction == Direction.Request ? property.IsSetNullable : property.IsGetNullable;
            if (direction == Direction.Request ? property.Set is null && property.AssociatedParameter is null : property.Get is null)
            {
                continue;
            }

            var propertySchema = Schema(property.PropertyType, direction, contract?.Enums.GetValueOrDefault(property.Name));
            bool isRequired, isNullable;
            if (direction == Direction.Response)
            {
                // Nulls are left out (WhenWritingNull) unless the property says Never: then it is always there, maybe null.
                var writesNull = IgnoreCondition(property) == JsonIgnoreCondition.Never;
                isRequired = !nullable || writesNull;
                isNullable = nullable && writesNull;
            }
            else
            {
                isRequired = property.IsRequired || contract?.Required.Contains(property.Name) == true
                    || (!nullable && property.AssociatedParameter is { HasDefaultValue: false });
                isNullable = nullable && !isRequired;
            }

            if (isRequired)
            {
                required.Add(property.Name);
            }

            schema.Properties![property.Name] = isNullable ? Nullable(propertySchema) : propertySchema;
        }

        if (required.Count > 0)
        {
            schema.Required = required;
        }

        if (direction == Direction.Request)
        {
            schema.AdditionalPropertiesAllowed = false;
        }
    }

    private static JsonIgnoreCondition? IgnoreCondition(JsonPropertyInfo property) =>
        (property.AttributeProvider as MemberInfo)?.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition;

    /// <summary>
    /// OpenAPI 3.0 has no null type: <c>nullable: true</c> next to a <c>type</c>. An enum is copied with null among its
    /// values (3.0.3 needs both); an object reference is wrapped in an <c>allOf</c> that carries the nullable.
    /// </summary>
    private OpenApiSchema Nullable(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference when Components[reference.Reference.Id!] is OpenApiSchema { Enum.Count: > 0 } enumeration => new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Enum = [.. enumeration.Enum!, null!],
        },
        OpenApiSchemaReference reference => new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Object | JsonSchemaType.Null },
        OpenApiSchema inline => WithNull(inline),
        _ => throw new InvalidOperationException($"Unexpected schema {schema.GetType()}."),
    };

    private static OpenApiSchema WithNull(OpenApiSchema schema)
    {
        schema.Type = (schema.Type ?? 0) | JsonSchemaType.Null;
        return schema;
    }

    private static OpenApiSchema? Primitive(Type type) => type switch
    {
        _ when type == typeof(string) => new() { Type = JsonSchemaType.String },
        _ when type == typeof(bool) => new() { Type = JsonSchemaType.Boolean },
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => new() { Type = JsonSchemaType.Integer, Format = "int32" },
        _ when type == typeof(long) => new() { Type = JsonSchemaType.Integer, Format = "int64" },
        _ when type == typeof(double) || type == typeof(float) => new() { Type = JsonSchemaType.Number, Format = "double" },
        _ when type == typeof(decimal) => new() { Type = JsonSchemaType.Number },
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => new() { Type = JsonSchemaType.String, Format = "date-time" },
        _ when type == typeof(DateOnly) => new() { Type = JsonSchemaType.String, Format = "date" },
        _ when type == typeof(TimeOnly) || type == typeof(TimeSpan) => new() { Type = JsonSchemaType.String },
        _ when type == typeof(Guid) => new() { Type = JsonSchemaType.String, Format = "uuid" },
        _ when type == typeof(Uri) => new() { Type = JsonSchemaType.String, Format = "uri" },
        _ when type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object) => new() { Description = "Any JSON value" },
        _ => null,
    };

    private static string WireName(Type enumType, string member, JsonNamingPolicy naming) =>
        enumType.GetField(member)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? naming.ConvertName(member);
}
