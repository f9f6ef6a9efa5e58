using System.Diagnostics.Metrics;

namespace InfoFloPay.IntegrationTests.Intake;

/// <summary>Meters for a service built by hand in a test, outside any host's IMeterFactory.</summary>
internal sealed class UnsharedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Scope = this; // as the host's factory does, so a listener can tell this factory's meters apart
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(meter => meter.Dispose());
}
