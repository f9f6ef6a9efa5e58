using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Roster;

/// <summary>
/// Checks the roster at start-up (with <c>ValidateOnStart</c>): a mistyped address would otherwise deploy cleanly and
/// only show as escalations that never arrive. Each failure names the setting (<c>Support:…</c>, in app settings
/// <c>Support__…</c>).
/// </summary>
internal sealed class SupportRosterValidation : IValidateOptions<SupportRosterOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportRosterOptions options)
    {
        var failures = new List<string>();
        var section = SupportRosterOptions.SectionName;

        CheckAddress($"{section}:{nameof(SupportRosterOptions.SupportAddress)}", options.SupportAddress, required: true, failures);

        // Empty is allowed: without an Operations Manager there is nobody to escalate to, which the local host and
        // tests run with; the Bicep template requires the address, so in Azure it is always set.
        CheckAddress($"{section}:{nameof(SupportRosterOptions.OperationsManager)}:{nameof(SupportPerson.Email)}", options.OperationsManager.Email, required: false, failures);

        for (var i = 0; i < options.Agents.Count; i++)
        {
            var agent = $"{section}:{nameof(SupportRosterOptions.Agents)}:{i}";
            if (string.IsNullOrWhiteSpace(options.Agents[i].Name))
            {
                failures.Add($"{agent}:{nameof(SupportPerson.Name)} is empty: every agent needs a name (app setting {AppSetting(agent)}__{nameof(SupportPerson.Name)}).");
            }

            CheckAddress($"{agent}:{nameof(SupportPerson.Email)}", options.Agents[i].Email, required: true, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(string key, string? value, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{key} is empty: it must be an email address (app setting {AppSetting(key)}).");
            }

            return;
        }

        if (value.Trim() != value)
        {
            failures.Add($"{key} is '{value}': remove the spaces around the address (app setting {AppSetting(key)}).");
            return;
        }

        // A bare address only: "Name <a@b>" parses too, but the roster keeps names in their own settings.
        if (!MailAddress.TryCreate(value, out var address) || !string.Equals(address.Address, value, StringComparison.Ordinal))
        {
            failures.Add($"{key} is '{value}', which is not an email address (app setting {AppSetting(key)}).");
        }
    }

    private static string AppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
