using System.Globalization;
using System.Text;

namespace InfoFloPay.Functions.Storage;

/// <summary>Makes user text (emails, domains) safe inside a RowKey: the characters Tables forbid are %-escaped.</summary>
public static class StorageKey
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Ticks counted down from the end of time, so a RowKey range over them reads newest first.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string OldestFirst(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Sorts after every character used in keys, closing a prefix range.</summary>
    public const char RangeEnd = '~';
}
