namespace InfoFloPay.Domain.Knowledge;

/// <summary>A troubleshooting article: markdown as written, the sanitized HTML shown to readers.</summary>
public sealed record Article(
    string Slug,
    string Title,
    string Body,
    string Html,
    IReadOnlyList<string> Tags,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
