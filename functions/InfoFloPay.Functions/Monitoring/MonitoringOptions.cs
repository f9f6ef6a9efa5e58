using System.ComponentModel.DataAnnotations;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>How monitoring reports outages and keeps history, from settings section <c>Monitoring</c>.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>While a target keeps failing, at most one note on its incident per this interval.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Monitoring:NoteInterval must be from 00:01:00 to 7.00:00:00.")]
    public TimeSpan NoteInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A target failing again within this time after recovering reopens the same incident.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Monitoring:ReopenWindow must be from 00:00:00 to 7.00:00:00.")]
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Resolve the incident when its target recovers; off, recovery only adds a note.</summary>
    public bool AutoResolve { get; set; } = true;

    /// <summary>How many probe results are kept per target (one per minute: 1,440 is a day).</summary>
    [Range(1, 9999, ErrorMessage = "Monitoring:HistoryLength must be from 1 to 9999.")]
    public int HistoryLength { get; set; } = 1440;

    /// <summary>The table holding target definitions, state and history.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Monitoring:TableName must be a valid table name.")]
    public string TableName { get; set; } = "monitoring";

    internal OutagePolicy ToPolicy() => new(NoteInterval, ReopenWindow, AutoResolve);
}
