using Microsoft.Extensions.Logging;

namespace InfoFloPay.UnitTests;

/// <summary>Keeps every log line with its level, for tests of what an operator is told.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Add((logLevel, formatter(state, exception)));
    }

    public void Dispose()
    {
    }
}
