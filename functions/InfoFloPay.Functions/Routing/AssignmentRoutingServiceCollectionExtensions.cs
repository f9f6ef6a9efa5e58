using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Routing;

internal static class AssignmentRoutingServiceCollectionExtensions
{
    /// <summary>Routing from section <c>Routing</c>, its mode checked at start-up.</summary>
    public static IServiceCollection AddAssignmentRouting(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidation>();
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<AssignmentRouter>();
        return services;
    }
}
