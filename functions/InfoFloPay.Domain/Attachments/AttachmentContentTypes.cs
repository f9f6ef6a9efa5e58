using System.Text.Unicode;

namespace InfoFloPay.Domain.Attachments;

/// <summary>
/// The allow-list of attachment types, decided from the file's first bytes. The client's Content-Type and the file
/// name's extension are never trusted: a page renamed <c>.png</c> is still a page. Text has no magic number, so it is
/// recognised as UTF-8 without control characters; markup (anything starting with <c>&lt;</c>) is refused because a
/// browser could render it.
/// </summary>
public static class AttachmentContentTypes
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at; the upload buffers only this much before streaming.</summary>
    public const int HeaderLength = 512;

    public const string PlainText = "text/plain; charset=utf-8";

    public const string Csv = "text/csv; charset=utf-8";

    public const string Json = "application/json; charset=utf-8";

    private static readonly (byte[] Magic, int Offset, string ContentType)[] Signatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], 0, "application/zip"),
        ([(byte)'P', (byte)'K', 0x05, 0x06], 0, "application/zip"),
        ([0x1F, 0x8B], 0, "application/gzip"),
    ];

    /// <summary>
    /// The content type to store and serve for a file that starts with <paramref name="header"/> (its first
    /// <see cref="HeaderLength"/> bytes, or all of a shorter file), or null when the type is not allowed.
    /// <paramref name="fileName"/> only chooses between the inert text types (<c>.csv</c> → text/csv); it never admits a file.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> header, string fileName, bool complete)
    {
        foreach (var (magic, offset, contentType) in Signatures)
        {
            if (header.Length >= offset + magic.Length && header.Slice(offset, magic.Length).SequenceEqual(magic)
                && (contentType != "image/webp" || header.StartsWith("RIFF"u8)))
            {
                return contentType;
            }
        }

        return TextStart(header, complete) switch
        {
            null => null,
            (byte)'{' or (byte)'[' => Json,
            _ when fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) => Csv,
            _ => PlainText,
        };
    }

    /// <summary>The first non-blank byte of UTF-8 text (0 for blank text), or null for binary data or markup.</summary>
    private static byte? TextStart(ReadOnlySpan<byte> header, bool complete)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            header = header[3..];
        }

        foreach (var b in header)
        {
            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) || b == 0x7F)
            {
                return null;
            }
        }

        // A full header may end inside a multi-byte character; the rest of it is past what we read.
        var valid = Utf8.IsValid(header);
        for (var cut = 1; !valid && !complete && cut <= 3 && cut < header.Length; cut++)
        {
            valid = Utf8.IsValid(header[..^cut]);
        }

        if (!valid)
        {
            return null;
        }

        var trimmed = header.TrimStart(" \t\r\n\f"u8);
        if (trimmed.IsEmpty)
        {
            return 0;
        }

        return trimmed[0] == (byte)'<' ? null : trimmed[0];
    }

    /// <summary>What the README and the 415 problem name as allowed.</summary>
    public const string AllowedDescription = "PNG, JPEG, GIF, WebP, PDF, ZIP, gzip, and UTF-8 plain text, CSV or JSON (no HTML, XML or SVG)";
}
