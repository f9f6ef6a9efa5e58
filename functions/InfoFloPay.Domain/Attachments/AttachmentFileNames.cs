namespace InfoFloPay.Domain.Attachments;

/// <summary>The file name an attachment is kept and offered under: the client's name without any folder part or
/// control characters, at most 255 characters, so it is safe in a header and on the downloader's disk.</summary>
public static class AttachmentFileNames
{
    public const int MaxLength = 255;

    public const string Fallback = "attachment";

    public static string Clean(string? fileName)
    {
        var name = (fileName ?? string.Empty).Trim().Trim('"');
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }

        return name is "" or "." or ".." ? Fallback : name;
    }
}
