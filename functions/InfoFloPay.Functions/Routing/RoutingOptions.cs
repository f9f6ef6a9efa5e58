using InfoFloPay.Domain;
using InfoFloPay.Domain.Routing;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Routing;

/// <summary>Settings section <c>Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>The setting the routing trigger names its subscription of the events topic by.</summary>
    public const string SubscriptionSetting = "ASSIGNMENTS_SUBSCRIPTION";

    /// <summary><c>suggest</c> (default) or <c>auto</c>; see <see cref="RoutingMode"/>.</summary>
    public string Mode { get; set; } = EnumText.Of(RoutingMode.Suggest);

    public RoutingMode ParsedMode => EnumText.TryParse<RoutingMode>(Mode.Trim().ToLowerInvariant(), out var mode) ? mode : RoutingMode.Suggest;
}

/// <summary>A mistyped mode would silently fall back to suggesting; stop the start instead, naming the setting.</summary>
internal sealed class RoutingOptionsValidation : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options) =>
        EnumText.TryParse<RoutingMode>(options.Mode.Trim().ToLowerInvariant(), out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Routing__Mode is '{options.Mode}'; it must be one of: {string.Join(", ", EnumText.Names<RoutingMode>())}.");
}
