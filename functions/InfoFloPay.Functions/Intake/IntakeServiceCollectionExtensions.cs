using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Intake;

internal static class IntakeServiceCollectionExtensions
{
    /// <summary>Email intake and the Message-ID index it threads replies by (notifications record what they send in it).</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddSingleton(sp => new MailThreadIndex(sp.GetRequiredKeyedService<EnsuredTable>(HelpdeskTables.Tickets)));
        services.AddSingleton<EmailIntake>();
        return services;
    }
}
