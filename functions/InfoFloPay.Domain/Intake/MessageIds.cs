namespace InfoFloPay.Domain.Intake;

/// <summary>RFC 5322 Message-IDs as intake compares them: without angle brackets and surrounding space.</summary>
public static class MessageIds
{
    public const int MaxLength = 998;

    public static string Normalize(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return messageId.Trim().TrimStart('<').TrimEnd('>').Trim();
    }

    /// <summary>A References header may arrive as one string of several ids; each becomes one entry.</summary>
    public static IEnumerable<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Where(id => id.Length > 0);
    }
}
