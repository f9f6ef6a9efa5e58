using System.Diagnostics.Metrics;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Intake;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.Functions.Operations.Telemetry;

/// <summary>
/// The desk's business counters on one meter, <see cref="MeterName"/>, which the Application Insights exporter
/// subscribes to (see <see cref="TelemetryServiceCollectionExtensions"/>); they land in <c>customMetrics</c> and drive
/// the SLA-breach alert. Tag values are short enumerations (channel, tier, priority, SLA target, rule), never people or
/// ticket ids, so the series stay few.
/// </summary>
public sealed class HelpdeskMetrics
{
    /// <summary>The app's meter; an exporter (Application Insights, OpenTelemetry) subscribes to it by this name.</summary>
    public const string MeterName = "InfoFloPay.Helpdesk";

    public const string TicketsOpened = "infoflopay.tickets.opened";

    public const string SlaWarnings = "infoflopay.sla.warnings";

    public const string SlaBreaches = "infoflopay.sla.breaches";

    public const string Pages = "infoflopay.pages";

    public const string ProbeFailures = "infoflopay.monitoring.probe_failures";

    public const string DeadLetters = "infoflopay.messages.dead_lettered";

    public const string IntakeDropped = "infoflopay.intake.dropped";

    /// <summary>The subscriptions' and queues' <c>maxDeliveryCount</c> in infra: a failure on this delivery dead-letters.</summary>
    public const int MaxDeliveryCount = 10;

    private readonly Counter<long> _ticketsOpened;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _probeFailures;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _intakeDropped;

    public HelpdeskMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _ticketsOpened = meter.CreateCounter<long>(TicketsOpened, unit: "{ticket}", description: "Tickets opened, by channel, tier and priority");
        _slaWarnings = meter.CreateCounter<long>(SlaWarnings, unit: "{warning}", description: "SLA warnings raised, by target, tier and priority");
        _slaBreaches = meter.CreateCounter<long>(SlaBreaches, unit: "{breach}", description: "SLA targets breached, by target, tier and priority");
        _pages = meter.CreateCounter<long>(Pages, unit: "{page}", description: "Pages sent to the on-call person or team, by the event that paged");
        _probeFailures = meter.CreateCounter<long>(ProbeFailures, unit: "{probe}", description: "Monitoring probes that failed, by kind and target");
        _deadLetters = meter.CreateCounter<long>(DeadLetters, unit: "{message}", description: "Messages whose last delivery failed (Service Bus dead-letters them), by function");
        _intakeDropped = meter.CreateCounter<long>(IntakeDropped, unit: "{mail}", description: "Inbound mails dropped as machine-sent, by rule");
    }

    /// <summary>Counts what a committed ticket change announces (called once per commit, before publishing).</summary>
    public void Committed(IEnumerable<HelpdeskEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case HelpdeskEventTypes.TicketCreated:
                    var created = e.ReadData<TicketCreatedData>();
                    _ticketsOpened.Add(1, Tag("channel", created.Channel), Tag("tier", created.Tier ?? "unknown"), Tag("priority", created.Priority));
                    break;
                case HelpdeskEventTypes.SlaWarning or HelpdeskEventTypes.SlaBreached:
                    var alert = e.ReadData<SlaAlertData>();
                    (e.Type == HelpdeskEventTypes.SlaWarning ? _slaWarnings : _slaBreaches)
                        .Add(1, Tag("target", alert.Target), Tag("tier", alert.Tier ?? "unknown"), Tag("priority", alert.Priority));
                    break;
            }
        }
    }

    public void Paged(string eventType) => _pages.Add(1, Tag("event", eventType));

    /// <summary>A failed probe, by kind and target name (the operators' few configured targets).</summary>
    public void ProbeFailed(string kind, string target) => _probeFailures.Add(1, Tag("kind", kind), Tag("target", target));

    public void DeadLettered(string function) => _deadLetters.Add(1, Tag("function", function));

    public void IntakeDrop(DroppedMail drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        _intakeDropped.Add(1, Tag("rule", EnumText.Of(drop.Rule)));
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
