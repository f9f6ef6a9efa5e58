using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Portal;

internal static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddPortal(this IServiceCollection services) =>
        services.AddSingleton<PortalAssets>();
}
