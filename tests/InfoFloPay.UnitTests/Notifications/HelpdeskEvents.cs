using System.Text.Json;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Roster;

namespace InfoFloPay.UnitTests.Notifications;

/// <summary>Events and a roster as the ticket flows would produce them.</summary>
internal static class HelpdeskEvents
{
    public static readonly PersonRef Customer = new("cara@customer.example", "Cara Customer");
    public static readonly PersonRef Ava = new("ava@infoflopay.example", "Ava Agent");

    public static SupportRosterOptions Roster(string? pager = "https://events.pagerduty.example/v2/enqueue") => new()
    {
        SupportAddress = "support@infoflopay.example",
        Agents =
        [
            new SupportPerson { Name = "Ava Agent", Email = "ava@infoflopay.example" },
            new SupportPerson { Name = "Ben Agent", Email = "ben@infoflopay.example" },
            new SupportPerson { Name = "Cleo Agent", Email = "cleo@infoflopay.example" },
        ],
        OperationsManager = new SupportPerson { Name = "Olivia Ops", Email = "olivia@infoflopay.example", Pager = pager },
    };

    public static HelpdeskEvent Create<T>(string type, T data, string eventId = "evt-1", int version = 1) =>
        new(type, version, "IFP-1042", eventId, DateTimeOffset.Parse("2026-11-26T14:03:00Z", System.Globalization.CultureInfo.InvariantCulture),
            JsonSerializer.SerializeToElement(data, HelpdeskJson.Options));

    public static HelpdeskEvent Assigned(string priority) =>
        Create(HelpdeskEventTypes.TicketAssigned, new TicketAssignedData("Payouts failing", Customer, Ava, priority, "Every payout returns 502.", BecameUrgent: priority == "urgent"));
}
