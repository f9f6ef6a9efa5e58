using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Roster;

internal static class RosterServiceCollectionExtensions
{
    /// <summary>The support roster from section <c>Support</c>, its addresses checked at start-up.</summary>
    public static IServiceCollection AddRoster(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SupportRosterOptions>, SupportRosterValidation>();
        services.AddOptions<SupportRosterOptions>().BindConfiguration(SupportRosterOptions.SectionName).ValidateOnStart();
        return services;
    }
}
