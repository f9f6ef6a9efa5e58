using System.Security.Cryptography;
using System.Text;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// Turns a notification into an email for one recipient: the rendered template, <c>[IFP-n]</c> leading the subject
/// (intake threads replies by it), a link to the ticket where its reader works on it (portal or console), Reply-To the
/// support address, and the headers that keep auto-responders quiet.
/// </summary>
public sealed class EmailComposer(NotificationTemplates templates, IOptions<SupportRosterOptions> roster, TicketLinks? links = null)
{
    public async Task<EmailMessage> ComposeAsync(NotificationModel model, EmailAddress recipient, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(recipient);
        var rendered = await templates.RenderAsync(model with
            {
                RecipientName = recipient.DisplayName ?? model.RecipientName,
                TicketUrl = (links ?? TicketLinks.Local).For(model.Kind, model.TicketId),
            })
            .ConfigureAwait(false);

        return new EmailMessage([recipient], $"[{model.TicketId}] {rendered.Subject}", rendered.PlainText, rendered.Html, model.TicketId)
        {
            ReplyTo = new EmailAddress(roster.Value.SupportAddress, "InfoFlo Pay Support"),
            Headers = new Dictionary<string, string>
            {
                // RFC 3834: tells mail systems (and our own intake) this is machine-sent, so nobody auto-replies to it.
                ["Auto-Submitted"] = "auto-generated",
                // Exchange ignores Auto-Submitted for out-of-office replies; this asks it to suppress them too.
                ["X-Auto-Response-Suppress"] = "All",
                ["X-IFP-Ticket"] = model.TicketId,
                // Stable for one notification to one recipient, so a resend carries the same id; intake maps a reply's
                // In-Reply-To / References back to the ticket through it.
                ["Message-ID"] = MessageId(model.TicketId, idempotencyKey),
            },
            IdempotencyKey = idempotencyKey,
        };
    }

    private string MessageId(string ticketId, string? idempotencyKey)
    {
        var address = roster.Value.SupportAddress;
        var domain = address[(address.LastIndexOf('@') + 1)..];
        var unique = idempotencyKey is null
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
        return $"<{ticketId}.{unique}@{(domain.Length > 0 ? domain : "helpdesk.infoflopay")}>";
    }
}
