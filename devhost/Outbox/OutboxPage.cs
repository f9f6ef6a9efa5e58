using System.Globalization;
using System.Net;
using System.Text;

namespace InfoFloPay.DevHost.Outbox;

/// <summary>
/// <c>GET /admin/outbox/view</c>: the outbox as a page, each email as its recipient would see it (the HTML part) with the
/// plain-text part beside it. The HTML part is shown in a sandboxed frame with scripts off, so mail can never run code
/// in the host's origin even if a template let markup through.
/// </summary>
public static class OutboxPage
{
    public static string Render(IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var page = new StringBuilder();
        page.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Local outbox</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; max-width: 70rem; }
            article { border: 1px solid #ccc; border-radius: 6px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; }
            dt { font-weight: 600; }
            .parts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
            iframe { width: 100%; min-height: 16rem; border: 1px solid #ddd; }
            pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.5rem; margin: 0; }
            </style>
            </head>
            <body>
            <h1>Local outbox</h1>
            """);
        page.Append(CultureInfo.InvariantCulture, $"<p>{entries.Count} sent, newest first. As JSON: <a href=\"/admin/outbox\">/admin/outbox</a>.</p>\n");
        foreach (var entry in entries)
        {
            page.Append("<article>\n<h2>").Append(Encode(entry.Subject)).Append("</h2>\n<dl>\n");
            Field(page, "Channel", entry.Channel);
            Field(page, "To", string.Join(", ", entry.To));
            Field(page, "Ticket", entry.TicketId ?? "");
            Field(page, "Sent", entry.SentAt.ToString("u", CultureInfo.InvariantCulture));
            page.Append("</dl>\n<div class=\"parts\">\n");
            if (entry.Html is { } html)
            {
                page.Append("<section><h3>HTML part</h3><iframe sandbox title=\"HTML part of ")
                    .Append(Encode(entry.Subject)).Append("\" srcdoc=\"").Append(Encode(html)).Append("\"></iframe></section>\n");
            }

            page.Append("<section><h3>").Append(entry.Html is null ? "Text" : "Text part").Append("</h3><pre>")
                .Append(Encode(entry.Body)).Append("</pre></section>\n</div>\n</article>\n");
        }

        return page.Append("</body>\n</html>\n").ToString();
    }

    private static void Field(StringBuilder page, string name, string value) =>
        page.Append("<dt>").Append(name).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
