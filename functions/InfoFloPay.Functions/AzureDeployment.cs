using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions;

/// <summary>
/// Tells a deployed Function App from local runs. Adapters whose settings exist only in Azure (Service Bus, ACS Email,
/// the pager) validate at start-up there, so a missing setting fails the deployment loudly; locally the host replaces
/// those adapters and their settings are never read.
/// </summary>
public static class AzureDeployment
{
    /// <summary>App Service and every Functions plan set this to the app's name; nothing local does.</summary>
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    public static bool IsAzure(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[SiteNameSetting]);

    /// <summary>ValidateOnStart in Azure; elsewhere the options still validate, at first use.</summary>
    public static OptionsBuilder<T> ValidateOnStartInAzure<T>(this OptionsBuilder<T> builder, IConfiguration configuration)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return IsAzure(configuration) ? builder.ValidateOnStart() : builder;
    }
}
