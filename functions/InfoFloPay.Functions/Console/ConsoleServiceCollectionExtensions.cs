using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Console;

internal static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddStaffConsole(this IServiceCollection services) =>
        services.AddSingleton<ConsoleAssets>();
}
