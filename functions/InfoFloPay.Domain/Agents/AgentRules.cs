using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Agents;

/// <summary>Checks agent profiles and availability toggles; everything wrong is reported at once, naming the field.</summary>
public static class AgentRules
{
    public const int NameMaxLength = 100;

    public const int MaxSkills = 20;

    public const int SkillMaxLength = 50;

    public const int MaxAccounts = 50;

    /// <summary>The agent's address as stored and compared: trimmed, lower case; null when it is not an address.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        return TicketRules.IsEmail(trimmed) ? trimmed : null;
    }

    /// <summary>The profile <paramref name="request"/> describes for <paramref name="email"/>. Skills are compared with a
    /// ticket's category without regard to case, so they are kept in lower case; duplicates are dropped.</summary>
    public static Agent Validate(string email, AgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var address = NormalizeEmail(email);
        if (address is null)
        {
            errors.Add("email", "The agent is named by their email address, e.g. /api/agents/ava@infoflopay.example.");
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "The name field is required.");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add("name", $"The name must be at most {NameMaxLength} characters.");
        }

        var skills = Distinct(request.Skills, "skills", MaxSkills, errors, skill => skill.ToLowerInvariant(), skill =>
            skill.Length <= SkillMaxLength ? null : $"A skill must be at most {SkillMaxLength} characters.");
        var accounts = Distinct(request.Accounts, "accounts", MaxAccounts, errors, account => account, account =>
            CustomerIds.IsValid(account) ? null : CustomerIds.Rule);

        errors.ThrowIfAny();
        return new Agent(address!, name!, skills, accounts);
    }

    public static AgentAvailability Validate(AvailabilityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var availability = errors.Enum<AgentAvailability>("availability", request.Availability, required: true);
        errors.ThrowIfAny();
        return availability!.Value;
    }

    private static List<string> Distinct(
        IReadOnlyList<string?>? items, string field, int max, ValidationErrors errors, Func<string, string> normalize, Func<string, string?> problem)
    {
        var kept = new List<string>();
        if (items is null)
        {
            return kept;
        }

        if (items.Count > max)
        {
            errors.Add(field, $"At most {max} {field}.");
            return kept;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]?.Trim() is { Length: > 0 } text ? normalize(text) : null;
            if (string.IsNullOrEmpty(item))
            {
                errors.Add($"{field}[{i}]", "Must not be empty.");
            }
            else if (problem(item) is { } message)
            {
                errors.Add($"{field}[{i}]", message);
            }
            else if (!kept.Contains(item, StringComparer.Ordinal))
            {
                kept.Add(item);
            }
        }

        return kept;
    }
}
