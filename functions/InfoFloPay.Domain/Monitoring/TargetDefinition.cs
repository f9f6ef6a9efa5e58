using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Monitoring;

/// <summary>The rules a monitoring target must meet before it is stored.</summary>
public static partial class TargetDefinition
{
    public const int DefaultExpectedStatus = 200;
    public const int DefaultTimeoutSeconds = 10;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 60;
    public const int MinFailureThreshold = 1;
    public const int MaxFailureThreshold = 5;
    public const int MaxBodyContainsLength = 1024;
    public const int MaxCustomerIdLength = 100;
    public const int DefaultIntervalSeconds = 60;
    public const int MinIntervalSeconds = 10;
    public const int MaxIntervalSeconds = 3600;
    public const int DefaultRecoveryThreshold = 1;
    public const int MinRecoveryThreshold = 1;
    public const int MaxRecoveryThreshold = 5;
    public const int DefaultGraceSeconds = 30;
    public const int MaxGraceSeconds = 3600;

    public static TargetValidation Validate(TargetDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        if (draft.Name is null || !TargetName().IsMatch(draft.Name))
        {
            errors.Add("name", "Use 1-63 lower-case letters, digits and hyphens, starting with a letter or digit.");
        }

        var kind = errors.Enum<ProbeKind>("kind", draft.Kind, required: true);
        if (kind == ProbeKind.Http && !IsHttpUrl(draft.Url))
        {
            errors.Add("url", "Must be an absolute http:// or https:// URL.");
        }
        else if (kind == ProbeKind.Tcp && !TcpEndpoint.TryParse(draft.Url, out _))
        {
            errors.Add("url", "Must be host:port (or tcp://host:port) with a port from 1 to 65535.");
        }
        else if (kind == ProbeKind.Heartbeat && draft.Url is not null)
        {
            errors.Add("url", "A heartbeat target has no url: it posts to the heartbeatUrl it is given.");
        }
        else if (kind is null && string.IsNullOrWhiteSpace(draft.Url))
        {
            errors.Add("url", "Required.");
        }

        if (draft.ExpectedStatus is { } status && (status is < 100 or > 599 || kind is ProbeKind.Tcp or ProbeKind.Heartbeat))
        {
            errors.Add("expectedStatus", kind is ProbeKind.Tcp or ProbeKind.Heartbeat ? "Only HTTP targets have a status." : "Must be an HTTP status from 100 to 599.");
        }

        if (draft.IntervalSeconds is { } interval && interval is < MinIntervalSeconds or > MaxIntervalSeconds)
        {
            errors.Add("intervalSeconds", $"Must be from {MinIntervalSeconds} to {MaxIntervalSeconds}.");
        }

        if (draft.RecoveryThreshold is { } recovery && recovery is < MinRecoveryThreshold or > MaxRecoveryThreshold)
        {
            errors.Add("recoveryThreshold", $"Must be from {MinRecoveryThreshold} to {MaxRecoveryThreshold}.");
        }

        if (draft.GraceSeconds is { } grace && (grace is < 0 or > MaxGraceSeconds || kind != ProbeKind.Heartbeat))
        {
            errors.Add("graceSeconds", kind != ProbeKind.Heartbeat ? "Only heartbeat targets have a grace period." : $"Must be from 0 to {MaxGraceSeconds}.");
        }

        if (draft.TimeoutSeconds is { } timeout && timeout is < MinTimeoutSeconds or > MaxTimeoutSeconds)
        {
            errors.Add("timeoutSeconds", $"Must be from {MinTimeoutSeconds} to {MaxTimeoutSeconds}.");
        }

        if (draft.FailureThreshold is not { } threshold || threshold is < MinFailureThreshold or > MaxFailureThreshold)
        {
            errors.Add("failureThreshold", draft.FailureThreshold is null
                ? $"Required: {MinFailureThreshold} to {MaxFailureThreshold} consecutive failures."
                : $"Must be from {MinFailureThreshold} to {MaxFailureThreshold}.");
        }

        if (draft.BodyContains is { } body && (body.Length is 0 or > MaxBodyContainsLength || kind is ProbeKind.Tcp or ProbeKind.Heartbeat))
        {
            errors.Add("bodyContains", kind is ProbeKind.Tcp or ProbeKind.Heartbeat
                ? "Only HTTP targets have a body."
                : $"Must be 1 to {MaxBodyContainsLength} characters.");
        }

        if (draft.CustomerId is { } customer && (string.IsNullOrWhiteSpace(customer) || customer.Length > MaxCustomerIdLength))
        {
            errors.Add("customerId", $"Must be 1 to {MaxCustomerIdLength} characters.");
        }

        if (!errors.IsEmpty)
        {
            return new TargetValidation(null, errors);
        }

        return new TargetValidation(
            new MonitoredTarget(
                draft.Name!,
                kind!.Value,
                draft.Url ?? "",
                draft.ExpectedStatus ?? DefaultExpectedStatus,
                draft.TimeoutSeconds ?? DefaultTimeoutSeconds,
                draft.BodyContains,
                draft.FailureThreshold!.Value,
                draft.CustomerId)
            {
                IntervalSeconds = draft.IntervalSeconds ?? DefaultIntervalSeconds,
                RecoveryThreshold = draft.RecoveryThreshold ?? DefaultRecoveryThreshold,
                Public = draft.Public ?? false,
                GraceSeconds = kind == ProbeKind.Heartbeat ? draft.GraceSeconds ?? DefaultGraceSeconds : 0,
            },
            errors);
    }

    public static bool IsValidName(string? name) => name is not null && TargetName().IsMatch(name);

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    // Names are table keys and route segments: no '/', '\\', '#', '?' or control characters can reach storage.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetName();
}
