using System.Diagnostics.Metrics;
using InfoFloPay.Functions.Operations.Telemetry;

namespace InfoFloPay.IntegrationTests.Telemetry;

/// <summary>The measurements of the desk's meter created by one host's <see cref="IMeterFactory"/> (other hosts' are ignored), with their tags.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, Dictionary<string, object?> Tags)> _measurements = [];

    public RecordedMeasurements(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == HelpdeskMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var recorded = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                recorded[tag.Key] = tag.Value;
            }

            lock (_measurements)
            {
                for (var i = 0; i < value; i++)
                {
                    _measurements.Add((instrument.Name, recorded));
                }
            }
        });
        _listener.Start();
    }

    /// <summary>One entry per counted unit of <paramref name="instrument"/>: its tags.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Of(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags)];
        }
    }

    public void Dispose() => _listener.Dispose();
}
