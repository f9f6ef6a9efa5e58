using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Webhooks;

/// <summary>
/// The events a webhook may subscribe to, and how each helpdesk event on the topic becomes them: <c>ticket.assigned</c>
/// is <c>ticket.triaged</c>, every status move is <c>ticket.status_changed</c> (from the topic's own
/// <c>ticket.status_changed</c>, not from <c>ticket.resolved</c>, so a resolution is one status change, not two), and a
/// monitoring ticket's creation and resolution are also <c>incident.opened</c> / <c>incident.resolved</c>.
/// </summary>
public static class WebhookEvents
{
    public const string TicketCreated = "ticket.created";
    public const string TicketTriaged = "ticket.triaged";
    public const string TicketReplied = "ticket.replied";
    public const string TicketStatusChanged = "ticket.status_changed";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
    public const string IncidentOpened = "incident.opened";
    public const string IncidentResolved = "incident.resolved";

    public static IReadOnlyList<string> All { get; } =
        [TicketCreated, TicketTriaged, TicketReplied, TicketStatusChanged, SlaWarning, SlaBreached, IncidentOpened, IncidentResolved];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>The webhook events <paramref name="helpdeskEvent"/> stands for, each with its <c>data</c>: the ticket id
    /// and the event's own payload.</summary>
    public static IReadOnlyList<(string Type, JsonObject Data)> From(HelpdeskEvent helpdeskEvent)
    {
        ArgumentNullException.ThrowIfNull(helpdeskEvent);
        var channel = helpdeskEvent.Data.ValueKind == JsonValueKind.Object && helpdeskEvent.Data.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        var incident = channel == "monitoring";
        string[] types = helpdeskEvent.Type switch
        {
            HelpdeskEventTypes.TicketCreated => incident ? [TicketCreated, IncidentOpened] : [TicketCreated],
            HelpdeskEventTypes.TicketAssigned => [TicketTriaged],
            HelpdeskEventTypes.TicketReplied => [TicketReplied],
            HelpdeskEventTypes.TicketStatusChanged => [TicketStatusChanged],
            HelpdeskEventTypes.TicketResolved => incident ? [IncidentResolved] : [],
            HelpdeskEventTypes.SlaWarning => [SlaWarning],
            HelpdeskEventTypes.SlaBreached => [SlaBreached],
            _ => [],
        };
        return [.. types.Select(type => (type, DataOf(helpdeskEvent)))];
    }

    private static JsonObject DataOf(HelpdeskEvent helpdeskEvent)
    {
        var data = new JsonObject { ["ticketId"] = helpdeskEvent.TicketId };
        if (helpdeskEvent.Type == HelpdeskEventTypes.TicketResolved)
        {
            data["status"] = "resolved";
        }

        if (JsonNode.Parse(helpdeskEvent.Data.GetRawText()) is JsonObject payload)
        {
            foreach (var (name, value) in payload.ToList())
            {
                payload.Remove(name);
                data[name] = value;
            }
        }

        // `status` is the status the ticket is now in, as resolutions always carried it.
        if (helpdeskEvent.Type == HelpdeskEventTypes.TicketStatusChanged && data["to"] is JsonValue to)
        {
            data["status"] = to.DeepClone();
        }

        return data;
    }
}
