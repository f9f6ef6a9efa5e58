using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// The Liquid templates embedded in this assembly, one per <see cref="NotificationKind"/>. A template renders three
/// parts, chosen by the <c>part</c> variable: <c>subject</c> and <c>text</c> unencoded, <c>html</c> HTML-encoded, so
/// anything a customer typed shows as text, never as markup.
/// </summary>
public sealed partial class NotificationTemplates
{
    private const string ResourcePrefix = "InfoFloPay.Functions.Notifications.Templates.";

    private readonly TemplateOptions _options = CreateOptions();
    private readonly Dictionary<NotificationKind, IFluidTemplate> _templates;

    public NotificationTemplates()
    {
        var parser = new FluidParser();
        _templates = Enum.GetValues<NotificationKind>().ToDictionary(kind => kind, kind => Parse(parser, kind));
    }

    public async Task<RenderedNotification> RenderAsync(NotificationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = _templates[model.Kind];
        var subject = await RenderPartAsync(template, model, "subject", NullEncoder.Default).ConfigureAwait(false);
        var text = await RenderPartAsync(template, model, "text", NullEncoder.Default).ConfigureAwait(false);
        var html = await RenderPartAsync(template, model, "html", HtmlEncoder.Default).ConfigureAwait(false);
        return new RenderedNotification(OneLine(subject), text.Trim() + "\n", html.Trim() + "\n");
    }

    public static string TemplateName(NotificationKind kind) => KebabCase().Replace(kind.ToString(), "$1-$2").ToLowerInvariant();

    private async Task<string> RenderPartAsync(IFluidTemplate template, NotificationModel model, string part, TextEncoder encoder)
    {
        var context = new TemplateContext(model, _options);
        context.SetValue("part", part);
        return await template.RenderAsync(context, encoder).ConfigureAwait(false);
    }

    // A subject is one header line: a newline in a ticket subject must not start a new header.
    private static string OneLine(string value) => Whitespace().Replace(value, " ").Trim();

    private static IFluidTemplate Parse(FluidParser parser, NotificationKind kind)
    {
        var resource = ResourcePrefix + TemplateName(kind) + ".liquid";
        using var stream = typeof(NotificationTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The email template {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The email template {resource} does not parse: {error}");
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<NotificationModel>();
        return options;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabCase();
}

public sealed record RenderedNotification(string Subject, string PlainText, string Html);
