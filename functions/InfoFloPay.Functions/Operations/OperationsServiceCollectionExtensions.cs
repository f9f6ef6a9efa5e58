using System.Text.Json;
using System.Text.Json.Serialization;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Operations;

internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        // API.md: enums travel as lower-case strings in both directions.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        return services.AddSingleton<OpenApiDocumentBuilder>();
    }
}
