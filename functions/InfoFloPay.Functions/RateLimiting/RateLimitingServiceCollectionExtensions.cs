using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.RateLimiting;

internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FixedWindowLimiter>();
        services.AddSingleton<CallerRateLimits>();
        return services;
    }
}
