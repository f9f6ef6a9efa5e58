using Ganss.Xss;
using Markdig;

namespace InfoFloPay.Functions.Knowledge;

/// <summary>Markdown to HTML that is safe to show in the portal: Markdig renders, HtmlSanitizer strips scripts,
/// event handlers and dangerous URLs (raw HTML in the markdown included).</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public string ToSafeHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
