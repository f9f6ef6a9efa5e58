using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using Microsoft.Extensions.DependencyInjection;
using InfoFloPay.Functions.Notifications.Paging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Sla;

internal static class SlaServiceCollectionExtensions
{
    /// <summary>The SLA policy (from <c>Sla__PolicyFile</c>, validated at start-up), the <see cref="SlaClock"/> that applies it,
    /// and the sweep that escalates due tickets (on <c>SLA_SWEEP_SCHEDULE</c>).</summary>
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddSingleton<SlaPolicyFile>();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidation>();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<SlaPolicyFile>().Read(provider.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.AddSingleton<SlaClock>();
        services.AddSingleton<PolicySla>();
        services.AddSingleton<SlaEscalation>();
        services.AddOptions<SlaSweepOptions>().BindConfiguration(SlaSweepOptions.SectionName)
            .Validate(options => options.MaxDegreeOfParallelism is >= 1 and <= 64, "SlaSweep__MaxDegreeOfParallelism must be 1–64.");
        services.AddSingleton<PageEscalation>();
        services.AddSingleton<SlaSweep>();
        services.AddSingleton<SlaDueMessages>();
        services.AddSingleton<SlaDueHandler>();
        return services;
    }
}
