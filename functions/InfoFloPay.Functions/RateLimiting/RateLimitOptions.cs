using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.RateLimiting;

/// <summary>
/// Requests one caller may make per <see cref="Window"/> (settings section <c>RateLimits</c>). A customer user writes
/// well below what a person can type; staff work faster; the mail pipeline posts every inbound mail. Reads are cheap
/// and come in bursts (the console polls), so they get more.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; init; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    [Range(1, 1_000_000)]
    public int CustomerWrites { get; init; } = 30;

    [Range(1, 1_000_000)]
    public int CustomerReads { get; init; } = 300;

    [Range(1, 1_000_000)]
    public int StaffWrites { get; init; } = 300;

    [Range(1, 1_000_000)]
    public int StaffReads { get; init; } = 1200;

    /// <summary>Posts to email intake, per client address (the mail pipeline).</summary>
    [Range(1, 1_000_000)]
    public int Intake { get; init; } = 120;

    /// <summary>Beats posted to heartbeat URLs, per client address (known or unknown secrets alike, so guessing is
    /// held to it too).</summary>
    [Range(1, 1_000_000)]
    public int Heartbeats { get; init; } = 60;

    /// <summary>Anonymous reads of the public status (<c>GET /api/status</c>), per client address: a status page polls
    /// every 30 s, and one office behind one address may have many open.</summary>
    [Range(1, 1_000_000)]
    public int PublicReads { get; init; } = 300;
}
