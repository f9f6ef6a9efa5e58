using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Sla;

/// <summary>Loads the policy file at start-up (with <c>ValidateOnStart</c>) so a bad file stops the app, naming each bad entry.</summary>
internal sealed class SlaOptionsValidation : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        try
        {
            SlaPolicyLoader.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (SlaPolicyException e)
        {
            return ValidateOptionsResult.Fail(e.Errors.Select(error => $"{SlaOptions.SectionName}:PolicyFile ({options.PolicyFile}): {error}"));
        }
    }
}
