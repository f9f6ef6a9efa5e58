using System.Text;

namespace InfoFloPay.Domain.Knowledge;

/// <summary>What an article may hold: limits keep rendered HTML within one table property.</summary>
public static class ArticleRules
{
    public const int TitleMaxLength = 200;

    public const int BodyMaxBytes = 16 * 1024;

    public const int MaxTags = 20;

    public const int TagMaxLength = 40;

    public static bool IsSlug(string? slug) =>
        slug is { Length: >= 1 and <= 100 } && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public static (string Title, string Body, IReadOnlyList<string> Tags) Validate(string slug, ArticleRequest request)
    {
        var errors = new ValidationErrors();
        if (!IsSlug(slug))
        {
            errors.Add("slug", "A slug is 1 to 100 characters of a-z, 0-9 and '-'.");
        }

        var title = request.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > TitleMaxLength)
        {
            errors.Add("title", $"The title must be 1 to {TitleMaxLength} characters.");
        }

        var body = request.Body ?? string.Empty;
        if (string.IsNullOrWhiteSpace(body) || Encoding.UTF8.GetByteCount(body) > BodyMaxBytes)
        {
            errors.Add("body", $"The body is required and at most {BodyMaxBytes / 1024} KB of markdown.");
        }

        var tags = (request.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > TagMaxLength))
        {
            errors.Add("tags", $"At most {MaxTags} tags of at most {TagMaxLength} characters each.");
        }

        errors.ThrowIfAny();
        return (title, body, tags);
    }
}
