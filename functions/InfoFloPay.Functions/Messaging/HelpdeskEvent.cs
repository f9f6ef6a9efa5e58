using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoFloPay.Functions.Messaging;

/// <summary>
/// The versioned envelope of every message on the <c>helpdesk-events</c> topic. <see cref="Type"/> and
/// <see cref="Version"/> say how to read <see cref="Data"/>; the Service Bus message id is <see cref="MessageId"/>, so
/// duplicate detection and handler idempotency both key on the business event, not on the send attempt.
/// </summary>
public sealed record HelpdeskEvent(
    string Type,
    int Version,
    string TicketId,
    string EventId,
    DateTimeOffset OccurredAt,
    JsonElement Data)
{
    [JsonIgnore]
    public string MessageId => MessageIdFor(TicketId, EventId);

    public static string MessageIdFor(string ticketId, string eventId) => $"{ticketId}/{eventId}";

    /// <summary>Reads <see cref="Data"/> as the payload type of this event's type and version.</summary>
    public T ReadData<T>() =>
        Data.Deserialize<T>(HelpdeskJson.Options)
        ?? throw new JsonException($"Event {MessageId} ({Type} v{Version}) has no data.");
}
