using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain.Intake;
using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.Functions.Webhooks;

namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>
/// What a request body type cannot say by itself. Every field of a request record is nullable in C# on purpose, so a
/// missing field is the validator's 400 naming it rather than a JSON error; which fields the validator demands, and which
/// strings it parses as domain enums, is stated here (JSON names) and checked against the running routes by the
/// request-example and fuzz tests.
/// </summary>
/// <param name="Example">A body a client can send as is (null for nested types, which appear inside another's example).</param>
public sealed record RequestBodyContract(object? Example)
{
    public IReadOnlyList<string> Required { get; init; } = [];

    public IReadOnlyDictionary<string, Type> Enums { get; init; } = new Dictionary<string, Type>();
}

public static class RequestBodyContracts
{
    public static IReadOnlyDictionary<Type, RequestBodyContract> All { get; } = new Dictionary<Type, RequestBodyContract>
    {
        [typeof(NewTicketRequest)] = new(new NewTicketRequest(
            "Payout to our operating account is two days late",
            "Payout PO-4471 for 12,400.00 USD was due on Monday and has not arrived at the bank.",
            null,
            null,
            null,
            "payouts"))
        {
            Required = ["subject"],
            Enums = new Dictionary<string, Type> { ["priority"] = typeof(TicketPriority) },
        },
        [typeof(RequesterInput)] = new(null) { Required = ["email"] },
        [typeof(TriageRequest)] = new(new TriageRequest("high", "ava.agent@infoflopay.example"))
        {
            Required = ["priority"],
            Enums = new Dictionary<string, Type> { ["priority"] = typeof(TicketPriority) },
        },
        [typeof(ReplyRequest)] = new(new ReplyRequest("We have asked the bank for a trace and will update you by 3 pm.", false))
        {
            Required = ["body"],
        },
        [typeof(StatusChangeRequest)] = new(new StatusChangeRequest("open", "Asked the bank for a trace of the payout"))
        {
            Required = ["status"],
            Enums = new Dictionary<string, Type> { ["status"] = typeof(TicketStatus) },
        },
        [typeof(ArticleRequest)] = new(new ArticleRequest(
            "Payout delayed",
            "Payouts settle in **two business days**. Check the payout's status in the dashboard before contacting support.",
            ["payouts", "settlement"]))
        {
            Required = ["title", "body"],
        },
        [typeof(CustomerAccountRequest)] = new(new CustomerAccountRequest("Acme Payments", "reserve", ["acme.test"], ["cfo@acme-holding.test"]))
        {
            Required = ["name", "tier"],
            Enums = new Dictionary<string, Type> { ["tier"] = typeof(CustomerTier) },
        },
        [typeof(AgentRequest)] = new(new AgentRequest("Ava Agent", ["payouts", "chargebacks"], []))
        {
            Required = ["name"],
        },
        [typeof(AvailabilityRequest)] = new(new AvailabilityRequest("away"))
        {
            Required = ["availability"],
            Enums = new Dictionary<string, Type> { ["availability"] = typeof(AgentAvailability) },
        },
        [typeof(TargetRequest)] = new(new TargetRequest("https://status.infoflopay.example/health", "http", 200, 10, null, 3, null, IntervalSeconds: 30, RecoveryThreshold: 2, Public: true))
        {
            // url is required for http and tcp only: a heartbeat has none (400 if sent), so the schema cannot demand it.
            Required = ["kind", "failureThreshold"],
            Enums = new Dictionary<string, Type> { ["kind"] = typeof(ProbeKind) },
        },
        [typeof(WebhookRequest)] = new(new WebhookRequest(
            "https://hooks.acme.test/infoflopay",
            [WebhookEvents.TicketCreated, WebhookEvents.SlaBreached],
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        {
            Required = ["url", "events", "secret"],
        },
        [typeof(MaintenanceWindowRequest)] = new(new MaintenanceWindowRequest(
            ["checkout", "ledger-db"],
            new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero),
            "Database upgrade"))
        {
            Required = ["targets"],
        },
        [typeof(AcknowledgeRequest)] = new(new AcknowledgeRequest()),
        [typeof(RotateHeartbeatUrlRequest)] = new(new RotateHeartbeatUrlRequest()),
        [typeof(InboundEmail)] = new(new InboundEmail(
            "<CAF1x9q@mail.acme.test>",
            new InboundAddress("Casey Customer", "casey@acme.test"),
            ["support@infoflopay.example"],
            "Refund not showing",
            "Hello, a refund we issued on Friday is not showing in the customer's account.",
            null,
            null,
            null,
            null))
        {
            Required = ["messageId", "from", "to", "text"],
        },
        [typeof(InboundAddress)] = new(null) { Required = ["email"] },
        [typeof(InboundAttachment)] = new(null) { Required = ["contentBase64"] },
    };

    public static RequestBodyContract? For(Type type) => All.GetValueOrDefault(type);
}
