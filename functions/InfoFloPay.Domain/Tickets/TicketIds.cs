using System.Globalization;

namespace InfoFloPay.Domain.Tickets;

/// <summary>Human-readable ticket ids, <c>IFP-&lt;n&gt;</c>.</summary>
public static class TicketIds
{
    public const string Prefix = "IFP-";

    public static string Format(long number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts only the canonical spelling, so one ticket has exactly one id (and one storage key).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 4 and <= 24 }
        && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id[Prefix.Length] is >= '1' and <= '9'
        && id.AsSpan(Prefix.Length).ContainsOnlyDigits();

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
