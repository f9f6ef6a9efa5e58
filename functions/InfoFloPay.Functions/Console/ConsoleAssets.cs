using InfoFloPay.Functions.Web;

namespace InfoFloPay.Functions.Console;

/// <summary>
/// The staff console's files, embedded in this assembly (Console/wwwroot): the page, its style sheet and its ES
/// modules. Only the names listed here are served; a module added to wwwroot must be listed too (a test checks).
/// </summary>
public sealed class ConsoleAssets : EmbeddedSite
{
    private const string Html = "text/html; charset=utf-8";
    private const string Script = "text/javascript; charset=utf-8";
    private const string Style = "text/css; charset=utf-8";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [IndexName] = Html,
        ["console.css"] = Style,
        ["main.mjs"] = Script,
        ["api.mjs"] = Script,
        ["identity.mjs"] = Script,
        ["router.mjs"] = Script,
        ["eastern.mjs"] = Script,
        ["sla.mjs"] = Script,
        ["queues.mjs"] = Script,
        ["timeline.mjs"] = Script,
        ["shortcuts.mjs"] = Script,
        ["poller.mjs"] = Script,
        ["dom.mjs"] = Script,
        ["forms.mjs"] = Script,
        ["workspace.mjs"] = Script,
        ["view-queue.mjs"] = Script,
        ["view-ticket.mjs"] = Script,
        ["ticket-panels.mjs"] = Script,
        ["attachments.mjs"] = Script,
        ["view-sla.mjs"] = Script,
        ["view-monitoring.mjs"] = Script,
        ["view-customers.mjs"] = Script,
        ["view-articles.mjs"] = Script,
    };

    public ConsoleAssets()
        : base(typeof(ConsoleAssets).Assembly, "InfoFloPay.Functions.Console.wwwroot", ContentTypes)
    {
    }
}
