using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Identity;

internal static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddIdentity(this IServiceCollection services) =>
        services.AddSingleton<CallerResolver>();
}
