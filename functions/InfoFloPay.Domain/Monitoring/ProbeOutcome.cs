namespace InfoFloPay.Domain.Monitoring;

/// <summary>What one probe saw. <see cref="Detail"/> explains a failure in words an engineer can act on.</summary>
public sealed record ProbeOutcome(bool Succeeded, int? StatusCode, TimeSpan Latency, string Detail)
{
    public static ProbeOutcome Success(int? statusCode, TimeSpan latency, string detail) => new(true, statusCode, latency, detail);

    public static ProbeOutcome Failure(int? statusCode, TimeSpan latency, string detail) => new(false, statusCode, latency, detail);
}
