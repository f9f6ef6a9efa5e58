using System.Globalization;
using System.Text;

namespace InfoFloPay.Domain.Knowledge;

/// <summary>
/// Normalizes text into the token set search matches on: lower-case, accents folded, split on anything that is
/// not a letter or digit, very common words and single characters dropped.
/// </summary>
public static class SearchTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "i", "in", "is", "it", "my", "of", "on",
        "or", "the", "to", "what", "when", "why", "with", "you", "your", "can", "do", "does", "not", "this", "that",
    };

    public static IReadOnlySet<string> Of(string? text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var folded = Fold(text);
        var current = new StringBuilder();
        foreach (var c in folded.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 1 && !StopWords.Contains(current.ToString()))
            {
                tokens.Add(current.ToString());
            }

            current.Clear();
        }

        return tokens;
    }

    public static string Join(IEnumerable<string> tokens) => string.Join(' ', tokens.Order(StringComparer.Ordinal));

    public static IReadOnlySet<string> Split(string? joined) =>
        new HashSet<string>((joined ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
