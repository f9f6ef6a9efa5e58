using System.Text.Json;

namespace InfoFloPay.Domain;

/// <summary>The wire spelling of enums: lower-case, words joined by '-' (e.g. <c>notification-sent</c>).</summary>
public static class EnumText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum => System.Enum.GetValues<TEnum>().Select(Of);

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
