using System.Diagnostics.Metrics;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Intake;

namespace InfoFloPay.Functions.Intake;

/// <summary>
/// Counts the mail intake drops, by rule (<c>infoflopay.intake.dropped</c>, tag <c>rule</c>: auto-submitted, bounce,
/// bulk, auto-reply, own-mail, machine-sender), so a pipeline that suddenly drops everything — or lets a mail loop
/// through — shows on a chart rather than only in the logs.
/// </summary>
public sealed class IntakeDrops
{
    /// <summary>The app's meter; an exporter (Application Insights, OpenTelemetry) subscribes to it by this name.</summary>
    public const string MeterName = "InfoFloPay.Helpdesk";

    public const string CounterName = "infoflopay.intake.dropped";

    private readonly Counter<long> _dropped;

    public IntakeDrops(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _dropped = meters.Create(MeterName).CreateCounter<long>(CounterName, unit: "{mail}", description: "Inbound mails dropped as machine-sent, by rule");
    }

    public void Record(DroppedMail drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        _dropped.Add(1, new KeyValuePair<string, object?>("rule", EnumText.Of(drop.Rule)));
    }
}
