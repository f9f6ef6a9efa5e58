using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Operations;

internal static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddOperations(this IServiceCollection services) =>
        services.AddSingleton<OpenApiDocumentBuilder>();
}
