using System.Text.Json;

namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// The versioned envelope of every message on the helpdesk events topic. The Service Bus message id is
/// <c>{ticketId}/{eventId}</c> and its Subject is <see cref="Type"/>, so subscriptions can filter by type and
/// consumers can de-duplicate redeliveries.
/// </summary>
public sealed record HelpdeskEvent(string Type, int Version, string TicketId, string EventId, DateTimeOffset OccurredAt, JsonElement Data)
{
    public const int CurrentVersion = 1;

    public const string TicketCreated = "ticket.created";

    public const string TicketTriaged = "ticket.triaged";

    public const string TicketReplied = "ticket.replied";

    public const string TicketStatusChanged = "ticket.status-changed";

    public string MessageId => $"{TicketId}/{EventId}";
}
