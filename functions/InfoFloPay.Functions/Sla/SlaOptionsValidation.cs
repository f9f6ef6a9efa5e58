using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Sla;

/// <summary>Reads the policy file at start-up (with <c>ValidateOnStart</c>) so a bad file stops the app, naming each bad entry.</summary>
internal sealed class SlaOptionsValidation(SlaPolicyFile policyFile) : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        try
        {
            policyFile.Read(options);
            return ValidateOptionsResult.Success;
        }
        catch (SlaPolicyException e)
        {
            return ValidateOptionsResult.Fail(e.Errors.Select(error => $"{SlaOptions.SectionName}:PolicyFile ({options.PolicyFile}): {error}"));
        }
    }
}
